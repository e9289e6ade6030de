package org.careweave.chat.domain;

import java.util.Locale;

/**
 * What a risky message says, on the Columbia Suicide Severity Rating Scale (C-SSRS) ideation and behaviour
 * items, plus burden and farewell cues. Travels in the risk-flag event as {@code category}; ordered from the
 * least to the most specific, which decides between two hits of the same severity.
 */
public enum RiskCategory {
    /** C-SSRS 1: wish to be dead, to not wake up, to stop existing. */
    WISH_TO_BE_DEAD("wish_dead", RiskSeverity.ELEVATED),
    /** Feeling a burden, others better off without them. */
    BURDEN("burden", RiskSeverity.ELEVATED),
    /** Non-suicidal self-injury: cutting, burning, hitting themselves. */
    SELF_INJURY("nssi", RiskSeverity.ELEVATED),
    /** C-SSRS 2: non-specific active suicidal thoughts. */
    ACTIVE_THOUGHTS("active_thoughts", RiskSeverity.HIGH),
    /** Goodbyes, last messages, loved ones entrusted to others. */
    FAREWELL("farewell", RiskSeverity.HIGH),
    /** C-SSRS 3: ideation with a method (overdose, jumping, hanging...). */
    METHOD("method", RiskSeverity.HIGH),
    /** C-SSRS 4: ideation with intent to act. */
    INTENT("intent", RiskSeverity.HIGH),
    /** C-SSRS 5: ideation with a specific plan. */
    PLAN("plan", RiskSeverity.HIGH),
    /** C-SSRS behaviour: preparatory acts (means acquired, pills saved, a note written). */
    PREPARATION("preparation", RiskSeverity.HIGH),
    /** C-SSRS behaviour: an actual, interrupted or aborted attempt, including one in progress. */
    ATTEMPT("attempt", RiskSeverity.IMMINENT);

    private final String label;
    private final RiskSeverity severity;

    RiskCategory(String label, RiskSeverity severity) {
        this.label = label;
        this.severity = severity;
    }

    /** The severity when nothing in the message says how close the danger is. */
    public RiskSeverity severity() {
        return severity;
    }

    /** The category's name in the labelled corpus. */
    public String label() {
        return label;
    }

    public static RiskCategory ofLabel(String label) {
        for (RiskCategory category : values()) {
            if (category.label.equals(label.toLowerCase(Locale.ROOT))) {
                return category;
            }
        }
        throw new IllegalArgumentException("Unknown risk category: " + label);
    }
}
