package org.careweave.prescription.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.careweave.prescription.domain.DoseUnit;

public record DoseChangeRequest(
        @NotNull @Positive @Digits(integer = 9, fraction = 3) BigDecimal amount,
        @NotNull DoseUnit unit,
        @NotBlank @Size(max = 1000) String reason) {
}
