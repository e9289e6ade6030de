package org.careweave.platform.events.therapy;

import java.time.Instant;

import org.careweave.platform.events.EventPayload;

/** The patient did not attend a therapy session. */
public record SessionNoShow(
        String patientId,
        String sessionId,
        String therapistId,
        Instant startsAt) implements EventPayload {
}
