package org.careweave.platform.events.therapy;

import java.time.Instant;

import org.careweave.platform.events.EventPayload;

/** A PHQ-9 or GAD-7 was scored; {@code sessionId} is null when taken outside a session. */
public record AssessmentScored(
        String patientId,
        String assessmentId,
        String instrument,
        int total,
        String band,
        boolean selfHarmRisk,
        String sessionId,
        Instant scoredAt) implements EventPayload {
}
