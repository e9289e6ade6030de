package org.careweave.careplan.domain;

/** The kind of care a plan gives. */
public enum Modality {
    THERAPY,
    MEDICATION,
    COMBINED;

    public boolean includesTherapy() {
        return this != MEDICATION;
    }

    public boolean includesMedication() {
        return this != THERAPY;
    }
}
