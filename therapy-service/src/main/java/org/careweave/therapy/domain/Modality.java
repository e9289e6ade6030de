package org.careweave.therapy.domain;

/** The therapeutic approach of a session. */
public enum Modality {
    CBT,
    DBT,
    IPT,
    ACT,
    PSYCHODYNAMIC,
    BEHAVIORAL_COACHING
}
