package org.careweave.platform.events.careplan;

import org.careweave.platform.events.EventPayload;

/** A new revision of a care plan was saved. */
public record CarePlanRevised(
        String patientId,
        String carePlanId,
        int revision,
        String modality,
        int goalCount) implements EventPayload {
}
