package org.careweave.therapy.domain;

/** Severity bands of the published PHQ-9 and GAD-7 cut-offs. */
public enum SeverityBand {
    MINIMAL,
    MILD,
    MODERATE,
    MODERATELY_SEVERE,
    SEVERE
}
