package org.careweave.prescription.domain;

public enum CheckInStatus {
    TAKEN,
    MISSED
}
