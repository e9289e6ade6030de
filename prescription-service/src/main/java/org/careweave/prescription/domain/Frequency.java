package org.careweave.prescription.domain;

/** How often a dose is due; the dose schedule derives the expected doses from it. */
public enum Frequency {
    ONCE_DAILY,
    TWICE_DAILY,
    THREE_TIMES_DAILY,
    AT_BEDTIME,
    WEEKLY,
    /** Taken when needed: no dose is ever expected, so none can be missed or unreported. */
    AS_NEEDED
}
