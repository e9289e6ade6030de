package org.careweave.chat.domain;

/** How urgent a crisis hit is, least urgent first; the values of the risk-flag event's {@code severity}. */
public enum RiskSeverity {
    /** A passive wish to be dead, self-injury without suicidal intent, feeling a burden. */
    ELEVATED,
    /** Active thoughts of suicide, a method, intent, a plan, preparation, a farewell, a recent attempt. */
    HIGH,
    /** An attempt in progress, or a plan or intent with the time, place or means at hand. */
    IMMINENT
}
