package org.careweave.chat.api;

import java.util.List;

/** The stored message and automated support's immediate replies to it (crisis resources first). */
public record SendResult(MessageView message, List<MessageView> replies) {
}
