package org.careweave.prescription.domain;

public enum PrescriptionStatus {
    ACTIVE,
    DISCONTINUED
}
