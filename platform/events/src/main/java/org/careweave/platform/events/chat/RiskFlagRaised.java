package org.careweave.platform.events.chat;

import java.time.Instant;

import org.careweave.platform.events.EventPayload;

/** Crisis detection flagged a conversation. Never carries the message text. */
public record RiskFlagRaised(
        String patientId,
        String conversationId,
        String severity,
        Instant raisedAt) implements EventPayload {
}
