package org.careweave.careplan.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.careweave.careplan.domain.Preferences;
import org.careweave.careplan.domain.SessionFormat;

public record PreferencesInput(
        @NotNull Boolean openToMedication,
        @NotNull Boolean prefersTalkTherapy,
        @NotNull @Min(0) @Max(31) Integer sessionsPerMonthAvailable,
        @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal monthlyBudget,
        SessionFormat sessionFormat) {

    Preferences toPreferences() {
        return new Preferences(openToMedication, prefersTalkTherapy, sessionsPerMonthAvailable, monthlyBudget,
                sessionFormat);
    }
}
