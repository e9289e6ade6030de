package org.careweave.platform.testing;

import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Bearer tokens signed by the OIDC test server; the subject is the user id the services see. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String of(String subject, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(roles), subject, "Bearer");
    }
}
