package org.careweave.platform.events.careplan;

import org.careweave.platform.events.EventPayload;

/** A care plan was created at intake; {@code recommendationRule} is the code of the treatment rule that fired. */
public record CarePlanCreated(
        String patientId,
        String carePlanId,
        String modality,
        String status,
        String recommendationRule) implements EventPayload {
}
