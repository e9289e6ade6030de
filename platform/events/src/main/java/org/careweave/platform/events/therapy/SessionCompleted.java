package org.careweave.platform.events.therapy;

import java.time.Instant;

import org.careweave.platform.events.EventPayload;

/** A therapy session took place. Carries only the length of the private notes, never the notes. */
public record SessionCompleted(
        String patientId,
        String sessionId,
        String therapistId,
        Instant completedAt,
        int summaryLength,
        boolean homeworkAssigned) implements EventPayload {
}
