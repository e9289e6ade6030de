package org.careweave.gateway.testing;

import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Tokens the gateway accepts in tests: signed by the OIDC test server, with its issuer and audience. */
public final class Tokens {

    /** Issuer and audience of the OIDC test server's tokens (see the %test profile). */
    public static final String TEST_ISSUER = "https://server.example.com";

    private Tokens() {
    }

    public static String valid() {
        return OidcWiremockTestResource.generateJwtToken("alice", Set.of("patient"), "alice-id", "Bearer");
    }
}
