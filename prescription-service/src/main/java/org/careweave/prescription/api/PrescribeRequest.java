package org.careweave.prescription.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.careweave.prescription.domain.DoseUnit;
import org.careweave.prescription.domain.DrugClass;
import org.careweave.prescription.domain.Frequency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PrescribeRequest(
        @NotBlank @Size(max = 100) String patientId,
        @NotNull @Valid Medication medication,
        @NotNull @Valid Dose dose,
        @NotNull Frequency frequency,
        @Size(max = 1000) String instructions,
        @NotNull @Min(0) @Max(12) Integer refillsAllowed,
        @NotNull LocalDate startDate,
        @Schema(description = "Required to prescribe a second active medication of the same drug class; audited")
        @Size(max = 1000) String overrideReason) {

    public record Medication(
            @NotBlank @Size(max = 120) @Pattern(regexp = "[^\\r\\n]+", message = "must be one line") String name,
            @NotNull DrugClass drugClass) {
    }

    public record Dose(
            @NotNull @Positive @Digits(integer = 9, fraction = 3) BigDecimal amount,
            @NotNull DoseUnit unit) {
    }
}
