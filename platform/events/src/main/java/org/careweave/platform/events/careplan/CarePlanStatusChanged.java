package org.careweave.platform.events.careplan;

import org.careweave.platform.events.EventPayload;

/** A care plan moved from one status to another. */
public record CarePlanStatusChanged(
        String patientId,
        String carePlanId,
        String from,
        String to) implements EventPayload {
}
