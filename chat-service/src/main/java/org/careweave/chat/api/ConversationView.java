package org.careweave.chat.api;

import java.time.Instant;
import java.util.UUID;

import org.careweave.chat.domain.Conversation;
import org.careweave.chat.domain.ConversationKind;

public record ConversationView(UUID id, String patientId, ConversationKind kind, String openedBy, Instant createdAt) {

    static ConversationView of(Conversation conversation) {
        return new ConversationView(conversation.id, conversation.patientId, conversation.kind, conversation.openedBy,
                conversation.createdAt);
    }
}
