package org.careweave.gateway.resilience;

import static io.restassured.RestAssured.given;
import static org.careweave.gateway.testing.StandInServices.BREAKER_FAILURES;
import static org.careweave.gateway.testing.StandInServices.BREAKER_OPEN_MS;
import static org.careweave.gateway.testing.StandInServices.FLAKY_PREFIX;
import static org.careweave.gateway.testing.StandInServices.FLAKY_SWITCH;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;

/** The flaky service goes down, its breaker opens, and closes again once the service is back. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class CircuitBreakerTest {

    @ConfigProperty(name = FLAKY_SWITCH)
    String flakySwitch;

    @ConfigProperty(name = "careweave.gateway.routes.flaky.url")
    String flakyService;

    @Inject
    ServiceBreakers breakers;

    @Test
    void aStoppedServiceIsAQuick503ThenTheBreakerOpensAndClosesWhenItIsBack() throws Exception {
        String token = Tokens.valid();
        given().auth().oauth2(token).get(FLAKY_PREFIX + "/x").then().statusCode(200);
        given().post(flakySwitch + "/down").then().statusCode(204);

        for (int i = 0; i < BREAKER_FAILURES; i++) {
            String requestId = "flaky-down-" + i + "-" + UUID.randomUUID();
            given().auth().oauth2(token).header("X-Request-Id", requestId).get(FLAKY_PREFIX + "/x")
                    .then().statusCode(503)
                    .time(lessThan(3000L))
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The flaky service is not reachable; try again shortly"))
                    .body("requestId", equalTo(requestId));
        }
        assertEquals(ServiceBreakers.State.OPEN, breakers.state("flaky"));

        // Back up, but the breaker is still open: the gateway answers at once without calling it.
        given().post(flakySwitch + "/up").then().statusCode(204);
        String whileOpen = "flaky-open-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", whileOpen).get(FLAKY_PREFIX + "/x")
                .then().statusCode(503)
                .body("detail", equalTo(
                        "The flaky service is failing; the gateway is not calling it for a moment, try again shortly"))
                .body("requestId", equalTo(whileOpen));
        assertFalse(StandInServices.saw(flakyService, whileOpen), "an open breaker does not call the service");

        // After the open period one call probes the service; its success closes the breaker.
        long deadline = System.currentTimeMillis() + BREAKER_OPEN_MS + 15_000;
        int status = 0;
        while (status != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            status = given().auth().oauth2(token).get(FLAKY_PREFIX + "/x").statusCode();
        }
        assertEquals(200, status);
        assertEquals(ServiceBreakers.State.CLOSED, breakers.state("flaky"));
        given().auth().oauth2(token).get(FLAKY_PREFIX + "/x").then().statusCode(200);
    }
}
