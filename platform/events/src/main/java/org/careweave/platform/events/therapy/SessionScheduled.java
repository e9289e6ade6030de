package org.careweave.platform.events.therapy;

import java.time.Instant;

import org.careweave.platform.events.EventPayload;

/** A therapy session was booked; {@code seriesId} is null for a one-off session. */
public record SessionScheduled(
        String patientId,
        String sessionId,
        String therapistId,
        Instant startsAt,
        int durationMinutes,
        String modality,
        String format,
        String seriesId) implements EventPayload {
}
