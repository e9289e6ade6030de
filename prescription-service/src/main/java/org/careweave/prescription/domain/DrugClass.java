package org.careweave.prescription.domain;

/** Pharmacological class of a medication, the unit the safety rules are written in. */
public enum DrugClass {
    SSRI,
    SNRI,
    NDRI,
    TCA,
    MAOI,
    ATYPICAL_ANTIPSYCHOTIC,
    MOOD_STABILIZER,
    STIMULANT,
    BENZODIAZEPINE,
    HYPNOTIC,
    OTHER
}
