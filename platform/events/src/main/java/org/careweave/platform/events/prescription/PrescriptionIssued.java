package org.careweave.platform.events.prescription;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.careweave.platform.events.EventPayload;

/**
 * A prescriber issued a prescription. The dose amount travels as a decimal string ("12.5"): a JSON number
 * would pass through a double and come back as 1E+1 or 12.50 != 12.5 with a default ObjectMapper.
 */
public record PrescriptionIssued(
        String patientId,
        String prescriptionId,
        String prescriberId,
        String medicationName,
        String drugClass,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal doseAmount,
        String doseUnit,
        String frequency,
        LocalDate startDate) implements EventPayload {
}
