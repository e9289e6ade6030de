package org.careweave.careplan.domain;

/** How the patient prefers to meet a therapist; each format has its own session price. */
public enum SessionFormat {
    VIDEO,
    PHONE,
    IN_PERSON
}
