package org.careweave.careplan;

import java.util.Set;
import java.util.UUID;

import org.careweave.platform.access.Roles;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Bearer tokens signed by the test OIDC server; the subject becomes the caller id. */
final class Tokens {

    static final String THEO = "33333333-3333-4333-8333-333333333333";
    static final String PRIYA = "44444444-4444-4444-8444-444444444444";
    static final String CORA = "55555555-5555-4555-8555-555555555555";

    private Tokens() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String patient(String id) {
        return token(id, Roles.PATIENT);
    }

    static String therapist(String id) {
        return token(id, Roles.THERAPIST);
    }

    static String psychiatrist(String id) {
        return token(id, Roles.PSYCHIATRIST);
    }

    static String coordinator() {
        return token(CORA, Roles.CARE_COORDINATOR);
    }

    static String admin() {
        return token("66666666-6666-4666-8666-666666666666", Roles.ADMIN);
    }

    static String token(String sub, String role) {
        return OidcWiremockTestResource.generateJwtToken(sub, Set.of(role), sub, "Bearer");
    }
}
