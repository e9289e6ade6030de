package org.careweave.careplan.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.careweave.careplan.domain.Concern;
import org.careweave.careplan.domain.SessionFormat;

/** An intake: for the caller themself (patient) or, by a care coordinator, for {@code patientId}. */
public record IntakeRequest(
        @Size(max = 100) String patientId,
        @NotEmpty @Size(max = 11) Set<@NotNull Concern> concerns,
        @Size(min = 9, max = 9) List<@NotNull @Min(0) @Max(3) Integer> phq9Answers,
        @Size(min = 7, max = 7) List<@NotNull @Min(0) @Max(3) Integer> gad7Answers,
        @NotNull Boolean openToMedication,
        @NotNull Boolean prefersTalkTherapy,
        @NotNull @Min(0) @Max(31) Integer sessionsPerMonthAvailable,
        @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal monthlyBudget,
        SessionFormat sessionFormat) {
}
