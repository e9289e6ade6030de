package org.careweave.platform.events.chat;

import org.careweave.platform.events.EventPayload;

/** A chat conversation about the patient was opened. */
public record ConversationOpened(
        String patientId,
        String conversationId,
        String kind) implements EventPayload {
}
