package org.careweave.careplan.domain;

/** Life of a care plan: proposed at intake, active once a coordinator activates it. */
public enum PlanStatus {
    PROPOSED,
    ACTIVE
}
