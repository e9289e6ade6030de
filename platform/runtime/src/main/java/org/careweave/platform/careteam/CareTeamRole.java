package org.careweave.platform.careteam;

/** The part a provider plays on a patient's care team. */
public enum CareTeamRole {
    THERAPIST,
    PRESCRIBER,
    COORDINATOR
}
