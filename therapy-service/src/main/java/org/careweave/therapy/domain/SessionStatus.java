package org.careweave.therapy.domain;

/** A session starts SCHEDULED; every other status is final. */
public enum SessionStatus {
    SCHEDULED,
    COMPLETED,
    CANCELLED,
    NO_SHOW
}
