/** REST and WebSocket endpoints and their messages: the chat service's public contract. */
package org.careweave.chat.api;
