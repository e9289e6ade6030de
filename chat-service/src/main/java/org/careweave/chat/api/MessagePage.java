package org.careweave.chat.api;

import java.util.List;
import java.util.UUID;

/** One page of a conversation, newest first; pass {@code nextBefore} as {@code before} for the older page. */
public record MessagePage(List<MessageView> messages, UUID nextBefore) {
}
