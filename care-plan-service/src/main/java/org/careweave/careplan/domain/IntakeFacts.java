package org.careweave.careplan.domain;

import java.util.Set;

/** What the recommendation is decided from; a score is null when the questionnaire was not answered. */
public record IntakeFacts(Set<Concern> concerns, ScreeningScore phq9, ScreeningScore gad7, Preferences preferences) {

    public IntakeFacts {
        concerns = Set.copyOf(concerns);
    }
}
