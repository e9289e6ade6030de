package org.careweave.prescription.domain;

/** How bad a side effect is, as the patient judges it; SEVERE raises an urgent flag for the care team. */
public enum Severity {
    MILD,
    MODERATE,
    SEVERE
}
