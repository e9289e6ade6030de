package org.careweave.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.careweave.gateway.testing.StandInServices.LIMITED_ANONYMOUS_BURST;
import static org.careweave.gateway.testing.StandInServices.LIMITED_BURST;
import static org.careweave.gateway.testing.StandInServices.LIMITED_PREFIX;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** The {@code limited} group allows a burst of 3 per subject and 2 per address without a token, then 2 a minute. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class RateLimitTest {

    @ConfigProperty(name = "careweave.gateway.routes.limited.url")
    String limitedService;

    @Test
    void aSubjectGets429WithRetryAfterBeyondItsBurstAndTheServiceIsSpared() {
        String token = Tokens.of("busy-" + UUID.randomUUID(), "patient");
        for (int i = 0; i < LIMITED_BURST; i++) {
            given().auth().oauth2(token).get(LIMITED_PREFIX + "/things").then().statusCode(200);
        }
        String requestId = "limited-" + UUID.randomUUID();
        Response refused = given().auth().oauth2(token).header("X-Request-Id", requestId)
                .get(LIMITED_PREFIX + "/things");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("title", equalTo("Too Many Requests"))
                .body("detail", startsWith("Too many requests; try again in "))
                .body("requestId", equalTo(requestId));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        // 2 a minute: the next token is at most 30 s away.
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);
        assertFalse(StandInServices.saw(limitedService, requestId));
    }

    @Test
    void aScreenedPathIsNeverRefusedToACallerWithATokenEvenOverTheLimit() {
        String token = Tokens.of("in-crisis-" + UUID.randomUUID(), "patient");
        for (int i = 0; i < LIMITED_BURST; i++) {
            given().auth().oauth2(token).get(LIMITED_PREFIX + "/things").then().statusCode(200);
        }
        given().auth().oauth2(token).get(LIMITED_PREFIX + "/things").then().statusCode(429);
        for (int i = 0; i < LIMITED_BURST + 3; i++) {
            String requestId = "screened-" + UUID.randomUUID();
            given().auth().oauth2(token).header("X-Request-Id", requestId)
                    .post(LIMITED_PREFIX + "/conversations/c-1/messages").then().statusCode(200);
            assertTrue(StandInServices.saw(limitedService, requestId));
        }
    }

    @Test
    void subjectsHaveTheirOwnBuckets() {
        String first = Tokens.of("first-" + UUID.randomUUID(), "patient");
        for (int i = 0; i < LIMITED_BURST; i++) {
            given().auth().oauth2(first).get(LIMITED_PREFIX + "/things").then().statusCode(200);
        }
        given().auth().oauth2(first).get(LIMITED_PREFIX + "/things").then().statusCode(429);
        given().auth().oauth2(Tokens.of("second-" + UUID.randomUUID(), "patient")).get(LIMITED_PREFIX + "/things")
                .then().statusCode(200);
    }

    @Test
    void callsWithoutAValidTokenAreLimitedPerAddress() {
        for (int i = 0; i < LIMITED_ANONYMOUS_BURST; i++) {
            given().auth().oauth2("not-a-token").get(LIMITED_PREFIX + "/things").then().statusCode(401);
        }
        given().get(LIMITED_PREFIX + "/things")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void otherGroupsAreNotAffected() {
        String token = Tokens.of("elsewhere-" + UUID.randomUUID(), "patient");
        for (int i = 0; i < LIMITED_BURST + 2; i++) {
            given().auth().oauth2(token).get("/api/therapy/sessions").then().statusCode(200);
        }
    }
}
