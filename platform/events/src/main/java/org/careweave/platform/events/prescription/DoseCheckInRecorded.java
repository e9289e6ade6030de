package org.careweave.platform.events.prescription;

import java.time.Instant;

import org.careweave.platform.events.EventPayload;

/** The patient recorded a dose as taken or missed; {@code takenAt} may be null when missed. */
public record DoseCheckInRecorded(
        String patientId,
        String prescriptionId,
        String status,
        Instant takenAt) implements EventPayload {
}
