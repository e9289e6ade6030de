package org.careweave.chat.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.careweave.platform.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Frames the chat socket sends; each is a JSON object whose {@code type} says which. */
public final class ServerFrame {

    private ServerFrame() {
    }

    /** The sender's message is stored; {@code replayed} when a retried clientMessageId named an earlier one. */
    public record Ack(String type, String clientMessageId, boolean replayed, MessageView message) {
        public Ack(String clientMessageId, boolean replayed, MessageView message) {
            this("ack", clientMessageId, replayed, message);
        }
    }

    /** A message in a conversation, including automated replies and crisis resources. */
    public record Message(String type, MessageView message) {
        public Message(MessageView message) {
            this("message", message);
        }
    }

    public record Typing(String type, UUID conversationId, String userId) {
        public Typing(UUID conversationId, String userId) {
            this("typing", conversationId, userId);
        }
    }

    public record Read(String type, UUID conversationId, String userId, UUID messageId, Instant readAt) {
        public Read(UUID conversationId, String userId, UUID messageId, Instant readAt) {
            this("read", conversationId, userId, messageId, readAt);
        }
    }

    /** Ends a catch-up: {@code count} missed messages were sent before it; ask again from the last when {@code more}. */
    public record CaughtUp(String type, UUID conversationId, int count, boolean more) {
        public CaughtUp(UUID conversationId, int count, boolean more) {
            this("caught-up", conversationId, count, more);
        }
    }

    /** Sent right before the server closes the socket because the token it was opened with expired. */
    public record TokenExpired(String type, Instant expiredAt, String detail) {
        public TokenExpired(Instant expiredAt) {
            this("token-expired", expiredAt, "Your token expired; reconnect with a fresh token");
        }
    }

    /** A refused frame. {@code code}: BAD_FRAME, INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, RATE_LIMITED, INTERNAL. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Error(String type, String code, int status, String detail, String clientMessageId,
            Long retryAfterSeconds, List<Problem.FieldError> errors) {
        public Error(String code, int status, String detail, String clientMessageId, Long retryAfterSeconds,
                List<Problem.FieldError> errors) {
            this("error", code, status, detail, clientMessageId, retryAfterSeconds, errors);
        }
    }
}
