package org.careweave.careplan.domain;

/** What the patient comes for, as chosen at intake. */
public enum Concern {
    DEPRESSION,
    ANXIETY,
    PANIC,
    OCD,
    BIPOLAR,
    SCHIZOPHRENIA,
    SUBSTANCE_USE,
    EATING_DISORDER,
    INSOMNIA,
    ADHD,
    OTHER;

    /** The medication class usually prescribed first for the concern; it prices the medication part of a plan. */
    public String typicalDrugClass() {
        return switch (this) {
            case BIPOLAR -> "MOOD_STABILIZER";
            case SCHIZOPHRENIA -> "ATYPICAL_ANTIPSYCHOTIC";
            case ADHD -> "STIMULANT";
            case INSOMNIA -> "HYPNOTIC";
            case SUBSTANCE_USE, EATING_DISORDER, OTHER -> "OTHER";
            default -> "SSRI";
        };
    }
}
