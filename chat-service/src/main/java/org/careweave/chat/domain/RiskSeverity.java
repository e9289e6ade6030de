package org.careweave.chat.domain;

/** How urgent a crisis hit is; the values of the risk-flag event's {@code severity}. */
public enum RiskSeverity {
    /** Hopelessness without a stated wish to die. */
    MODERATE,
    /** Thoughts of suicide or self-harm. */
    HIGH,
    /** Intent, a plan or an act. */
    CRITICAL
}
