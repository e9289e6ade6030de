package org.careweave.platform.events.chat;

import java.time.Instant;

import org.careweave.platform.events.EventPayload;

/**
 * Crisis detection flagged a conversation: how urgent ({@code IMMINENT}, {@code HIGH}, {@code ELEVATED}) and the
 * C-SSRS category of what was written. Never carries the message text.
 */
public record RiskFlagRaised(
        String patientId,
        String conversationId,
        String severity,
        String category,
        Instant raisedAt) implements EventPayload {
}
