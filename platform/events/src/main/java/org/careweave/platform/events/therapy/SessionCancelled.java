package org.careweave.platform.events.therapy;

import java.time.Instant;

import org.careweave.platform.events.EventPayload;

/** A therapy session was cancelled; {@code late} when inside the late-cancellation window. */
public record SessionCancelled(
        String patientId,
        String sessionId,
        String therapistId,
        Instant startsAt,
        boolean late) implements EventPayload {
}
