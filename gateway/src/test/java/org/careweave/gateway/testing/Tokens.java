package org.careweave.gateway.testing;

import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Tokens the gateway accepts in tests: signed by the OIDC test server, with its issuer and audience. */
public final class Tokens {

    /** Issuer and audience of the OIDC test server's tokens (see the %test profile). */
    public static final String TEST_ISSUER = "https://server.example.com";

    private Tokens() {
    }

    /** Alice, a patient. */
    public static String valid() {
        return OidcWiremockTestResource.generateJwtToken("alice", Set.of("patient"), "alice-id", "Bearer");
    }

    /** A token for a user with these realm roles; the subject keys the rate limits. */
    public static String of(String subject, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(roles), subject, "Bearer");
    }

    /** Someone holding every clinical role, for tests about routing rather than policies. */
    public static String staff() {
        return of("staff-id", "patient", "therapist", "psychiatrist", "care-coordinator");
    }
}
