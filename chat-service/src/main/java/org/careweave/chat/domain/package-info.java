/** Conversations, messages, automated support and crisis detection. */
package org.careweave.chat.domain;
