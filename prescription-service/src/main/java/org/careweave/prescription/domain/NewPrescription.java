package org.careweave.prescription.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a prescriber asks for; {@code overrideReason} justifies a second medication of the same class. */
public record NewPrescription(String patientId, String medicationName, DrugClass drugClass, BigDecimal amount,
        DoseUnit unit, Frequency frequency, String instructions, int refillsAllowed, LocalDate startDate,
        String overrideReason) {
}
