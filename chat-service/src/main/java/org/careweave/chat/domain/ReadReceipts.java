package org.careweave.chat.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.chat.access.ChatUser;
import org.careweave.chat.access.ConversationAccess;

/** Records how far a member has read; a receipt for an older message than the last one changes nothing. */
@ApplicationScoped
public class ReadReceipts {

    @Inject
    ConversationAccess access;

    public record Marked(Conversation conversation, ReadReceipt receipt) {
    }

    @Transactional
    public Marked markRead(ChatUser reader, UUID conversationId, UUID messageId) {
        Conversation conversation = access.require(reader, conversationId, "mark-read");
        ChatMessage message = MessageHistory.cursor(conversation, messageId, "messageId");
        ReadReceipt receipt = ReadReceipt.findById(new ReadReceipt.Key(conversation.id, reader.id()));
        if (receipt != null && receipt.messageSeq >= message.seq) {
            return new Marked(conversation, receipt);
        }
        if (receipt == null) {
            receipt = new ReadReceipt();
            receipt.conversationId = conversation.id;
            receipt.readerId = reader.id();
        }
        receipt.messageId = message.id;
        receipt.messageSeq = message.seq;
        receipt.readAt = Instant.now();
        receipt.persist();
        return new Marked(conversation, receipt);
    }
}
