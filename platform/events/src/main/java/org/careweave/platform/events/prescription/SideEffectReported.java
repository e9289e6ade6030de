package org.careweave.platform.events.prescription;

import org.careweave.platform.events.EventPayload;

/** The patient reported a side effect, as a short symptom name from the service's list. */
public record SideEffectReported(
        String patientId,
        String prescriptionId,
        String symptom,
        String severity) implements EventPayload {
}
