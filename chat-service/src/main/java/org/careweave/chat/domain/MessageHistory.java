package org.careweave.chat.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.chat.access.ChatUser;
import org.careweave.chat.access.ConversationAccess;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;

/** Reading a conversation: pages back in time, and catching up after a reconnect. */
@ApplicationScoped
public class MessageHistory {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;
    /** A reconnecting client gets at most this many missed messages per catch-up; it asks again for the rest. */
    public static final int MAX_CATCH_UP = 500;

    @Inject
    ConversationAccess access;

    @Inject
    AuditTrail audit;

    /** @param nextBefore cursor for the next (older) page; null on the last page */
    public record Page(Conversation conversation, List<ChatMessage> messages, UUID nextBefore) {
    }

    /** @param more true when more missed messages remain after these */
    public record CatchUp(Conversation conversation, List<ChatMessage> messages, boolean more) {
    }

    /** Newest first, older than the message {@code before}; {@code limit} is capped at {@link #MAX_PAGE}. */
    @Transactional
    public Page page(ChatUser reader, UUID conversationId, UUID before, int limit) {
        Conversation conversation = access.require(reader, conversationId, "read");
        Long beforeSeq = before == null ? null : cursor(conversation, before, "before").seq;
        int size = Math.min(limit, MAX_PAGE);
        List<ChatMessage> fetched = ChatMessage.pageBefore(conversation.id, beforeSeq, size + 1);
        List<ChatMessage> page = fetched.subList(0, Math.min(size, fetched.size()));
        audit.record("read", ConversationAccess.RESOURCE, conversation.id.toString(), conversation.patientId,
                AuditTrail.Outcome.SUCCESS);
        UUID next = fetched.size() > size ? page.get(page.size() - 1).id : null;
        return new Page(conversation, List.copyOf(page), next);
    }

    /** Oldest first, everything after the message {@code lastSeen} (from the start when null). */
    @Transactional
    public CatchUp since(ChatUser reader, UUID conversationId, UUID lastSeen) {
        Conversation conversation = access.require(reader, conversationId, "read");
        long afterSeq = lastSeen == null ? 0 : cursor(conversation, lastSeen, "lastSeenMessageId").seq;
        List<ChatMessage> fetched = ChatMessage.after(conversation.id, afterSeq, MAX_CATCH_UP + 1);
        audit.record("read", ConversationAccess.RESOURCE, conversation.id.toString(), conversation.patientId,
                AuditTrail.Outcome.SUCCESS);
        boolean more = fetched.size() > MAX_CATCH_UP;
        return new CatchUp(conversation, List.copyOf(more ? fetched.subList(0, MAX_CATCH_UP) : fetched), more);
    }

    static ChatMessage cursor(Conversation conversation, UUID messageId, String field) {
        return ChatMessage.byId(messageId)
                .filter(message -> message.conversationId.equals(conversation.id))
                .orElseThrow(() -> ProblemException.badRequest("The cursor does not name a message of this conversation",
                        List.of(new Problem.FieldError(field, "is not a message of this conversation"))));
    }
}
