package org.careweave.prescription;

import java.util.Set;
import java.util.UUID;

import org.careweave.platform.access.Roles;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Test users with the demo realm's subject ids, and fresh patients so tests do not share records. */
public final class Users {

    public static final String PRIYA = "44444444-4444-4444-8444-444444444444";
    public static final String THEO = "33333333-3333-4333-8333-333333333333";
    public static final String CORA = "55555555-5555-4555-8555-555555555555";
    public static final String ADAM = "66666666-6666-4666-8666-666666666666";
    /** A psychiatrist who is on no test patient's care team. */
    public static final String OTHER_PSYCHIATRIST = "77777777-7777-4777-8777-777777777777";

    private Users() {
    }

    public static String newPatient() {
        return UUID.randomUUID().toString();
    }

    public static String token(String subject, String role) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(role), subject, "Bearer");
    }

    public static String psychiatrist(String subject) {
        return token(subject, Roles.PSYCHIATRIST);
    }

    public static String patient(String subject) {
        return token(subject, Roles.PATIENT);
    }

    public static String therapist(String subject) {
        return token(subject, Roles.THERAPIST);
    }

    public static String coordinator(String subject) {
        return token(subject, Roles.CARE_COORDINATOR);
    }

    public static String admin(String subject) {
        return token(subject, Roles.ADMIN);
    }
}
