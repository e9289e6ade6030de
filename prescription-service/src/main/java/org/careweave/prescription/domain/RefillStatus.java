package org.careweave.prescription.domain;

public enum RefillStatus {
    PENDING,
    APPROVED,
    DENIED
}
