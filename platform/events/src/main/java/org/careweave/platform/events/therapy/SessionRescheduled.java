package org.careweave.platform.events.therapy;

import java.time.Instant;

import org.careweave.platform.events.EventPayload;

/** A therapy session moved to a new start time. */
public record SessionRescheduled(
        String patientId,
        String sessionId,
        String therapistId,
        Instant previousStartsAt,
        Instant startsAt) implements EventPayload {
}
