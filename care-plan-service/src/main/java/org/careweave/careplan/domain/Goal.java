package org.careweave.careplan.domain;

/** A measurable aim of the plan, e.g. PHQ-9 BELOW 5. */
public record Goal(String description, Measure measure, Comparator comparator, int target) {

    public enum Measure {
        PHQ9,
        GAD7,
        ADHERENCE_PERCENT,
        SESSIONS_PER_MONTH
    }

    public enum Comparator {
        BELOW,
        AT_LEAST
    }
}
