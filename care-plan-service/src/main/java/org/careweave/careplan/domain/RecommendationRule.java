package org.careweave.careplan.domain;

/** The treatment rule that decided a recommendation; its name travels in the plan-created event. */
public enum RecommendationRule {
    /** Bipolar disorder or schizophrenia: medication is the usual foundation. */
    MEDICATION_FIRST_DIAGNOSIS,
    /** PHQ-9 at or above the moderately severe line: therapy and medication together. */
    COMBINED_SEVERE_DEPRESSION,
    /** Panic disorder or OCD: therapy and medication together. */
    COMBINED_PANIC_OR_OCD,
    /** The patient is not open to medication. */
    THERAPY_NO_MEDICATION,
    /** Time or budget rules out regular sessions. */
    MEDICATION_FIRST_ACCESS,
    /** Mild to moderate symptoms. */
    THERAPY_FIRST_MILD_MODERATE
}
