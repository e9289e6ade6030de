package org.careweave.careplan.domain;

import java.math.BigDecimal;

/** What the patient told us about how they want to be treated and what they can fit in. */
public record Preferences(
        boolean openToMedication,
        boolean prefersTalkTherapy,
        int sessionsPerMonthAvailable,
        BigDecimal monthlyBudget,
        SessionFormat sessionFormat) {

    public Preferences {
        sessionFormat = sessionFormat == null ? SessionFormat.VIDEO : sessionFormat;
    }
}
