/** Who may join and read which conversation, on top of the platform's patient-record access. */
package org.careweave.chat.access;
