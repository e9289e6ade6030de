package org.careweave.platform.events.prescription;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.careweave.platform.events.EventPayload;

/** A prescriber changed the dose. Amounts travel as decimal strings, as in {@link PrescriptionIssued}. */
public record DoseChanged(
        String patientId,
        String prescriptionId,
        String prescriberId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal previousAmount,
        String previousUnit,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String unit) implements EventPayload {
}
