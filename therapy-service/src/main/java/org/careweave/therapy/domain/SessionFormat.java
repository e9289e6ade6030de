package org.careweave.therapy.domain;

/** How patient and therapist meet. */
public enum SessionFormat {
    VIDEO,
    PHONE,
    IN_PERSON
}
