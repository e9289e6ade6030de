package org.careweave.platform.access;

/** Keycloak realm roles of the careweave realm. */
public final class Roles {

    public static final String PATIENT = "patient";
    public static final String THERAPIST = "therapist";
    public static final String PSYCHIATRIST = "psychiatrist";
    public static final String CARE_COORDINATOR = "care-coordinator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
