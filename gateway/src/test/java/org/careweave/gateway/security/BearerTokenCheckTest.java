package org.careweave.gateway.security;

import static io.restassured.RestAssured.given;
import static org.careweave.gateway.testing.Tokens.TEST_ISSUER;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class BearerTokenCheckTest {

    private static final String PATH = "/api/care-plans/cp-1";
    // The OIDC test server's signing key, the one its JWKS publishes.
    private static final String TEST_SERVER_KEY = "privateKey.jwk";

    @ConfigProperty(name = "careweave.gateway.routes.care-plan.url")
    String carePlanService;

    @Test
    void noTokenIs401ProblemAndTheServiceIsNotCalled() {
        String requestId = "no-token-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).get(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("X-Request-Id", requestId)
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", equalTo("A bearer token is required"))
                .body("instance", equalTo(PATH))
                .body("requestId", equalTo(requestId));
        assertFalse(StandInServices.saw(carePlanService, requestId));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey otherKey = generator.generateKeyPair().getPrivate();
        // Same key id as the real key, so only the signature check can tell.
        assertRejected(claims(TEST_ISSUER, TEST_ISSUER).jws().keyId("1").sign(otherKey));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        assertRejected(claims("https://other-realm.example.com", TEST_ISSUER).jws().keyId("1").sign(TEST_SERVER_KEY));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        assertRejected(claims(TEST_ISSUER, "some-other-api").jws().keyId("1").sign(TEST_SERVER_KEY));
    }

    @Test
    void anExpiredTokenIs401() {
        Instant now = Instant.now();
        assertRejected(claims(TEST_ISSUER, TEST_ISSUER).issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(1800))
                .jws().keyId("1").sign(TEST_SERVER_KEY));
    }

    @Test
    void aMalformedTokenIs401() {
        assertRejected("not.a.jwt");
    }

    @Test
    void aValidTokenIsForwardedUnchanged() {
        String token = Tokens.valid();
        String requestId = "good-token-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).auth().oauth2(token).get(PATH)
                .then().statusCode(200)
                .body("headers.authorization", equalTo(List.of("Bearer " + token)));
        assertTrue(StandInServices.saw(carePlanService, requestId), "the stand-in reports calls it got");
    }

    @Test
    void aTokenVerifiedEarlierIsRefusedOnceItExpires() throws Exception {
        // Verified once, then remembered by the gateway: only until its expiry (quarkus-oidc allows no clock skew here).
        Instant expiry = Instant.now().plusSeconds(3);
        String token = claims(TEST_ISSUER, TEST_ISSUER).issuedAt(Instant.now()).expiresAt(expiry)
                .jws().keyId("1").sign(TEST_SERVER_KEY);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(PATH).then().statusCode(200);
        }
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 1100);
        assertRejected(token);
    }

    private static JwtClaimsBuilder claims(String issuer, String audience) {
        return Jwt.issuer(issuer).audience(Set.of(audience)).subject("alice-id").preferredUserName("alice")
                .groups(Set.of("patient"));
    }

    private void assertRejected(String token) {
        String requestId = "bad-token-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).auth().oauth2(token).get(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("status", equalTo(401))
                .body("detail", equalTo("The bearer token is invalid or expired"))
                .body("requestId", equalTo(requestId));
        assertFalse(StandInServices.saw(carePlanService, requestId));
    }
}
