package org.careweave.platform.testing;

import java.time.Duration;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed by the OIDC test server; the subject is the user id the services see. */
public final class TestTokens {

    /** Issuer and audience of the OIDC test server's tokens. */
    private static final String SERVER = "https://server.example.com";

    private TestTokens() {
    }

    public static String of(String subject, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(roles), subject, "Bearer");
    }

    /** Like {@link #of}, but valid only for {@code lifetime}: for what happens when a token expires. */
    public static String expiringIn(Duration lifetime, String subject, String... roles) {
        return Jwt.preferredUserName(subject)
                .groups(Set.of(roles))
                .issuer(SERVER)
                .audience(Set.of(SERVER))
                .subject(subject)
                .claim("typ", "Bearer")
                .expiresIn(lifetime)
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
