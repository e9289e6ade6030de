package org.careweave.chat.api;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A frame a client sends on the chat socket:
 * <ul>
 * <li>{@code {"type":"send","conversationId":..,"text":..,"clientMessageId":..}}: clientMessageId makes a resend
 * after a lost acknowledgement safe (stored once)</li>
 * <li>{@code {"type":"typing","conversationId":..}}</li>
 * <li>{@code {"type":"read","conversationId":..,"messageId":..}}</li>
 * <li>{@code {"type":"catch-up","conversationId":..,"lastSeenMessageId":..}}: after a reconnect, everything
 * since the last message the client saw (from the start when absent)</li>
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientFrame(String type, UUID conversationId, String text, String clientMessageId, UUID messageId,
        UUID lastSeenMessageId) {
}
