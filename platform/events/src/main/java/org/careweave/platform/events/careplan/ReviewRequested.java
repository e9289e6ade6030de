package org.careweave.platform.events.careplan;

import org.careweave.platform.events.EventPayload;

/** The care team is asked to review a plan; {@code summary} is written by the system, never patient text. */
public record ReviewRequested(
        String patientId,
        String carePlanId,
        String reason,
        String summary) implements EventPayload {
}
