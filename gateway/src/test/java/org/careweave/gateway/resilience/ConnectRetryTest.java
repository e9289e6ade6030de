package org.careweave.gateway.resilience;

import static io.restassured.RestAssured.given;
import static org.careweave.gateway.testing.StandInServices.LATE_PREFIX;
import static org.careweave.gateway.testing.StandInServices.LATE_SWITCH;
import static org.careweave.gateway.testing.StandInServices.RETRY_DELAY_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;

/**
 * The late service refuses the first connection and is up before the retry ({@code RETRY_DELAY_MS} later): an
 * idempotent call gets through on the retry, a POST is not retried.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class ConnectRetryTest {

    @ConfigProperty(name = LATE_SWITCH)
    String lateSwitch;

    @AfterEach
    void up() {
        given().post(lateSwitch + "/up").then().statusCode(204);
    }

    @Test
    void anIdempotentCallIsRetriedAfterARefusedConnection() {
        assertEquals(200, statusWhenTheServiceComesUpDuringTheCall(authorized().body("{}"), "PUT"));
        assertEquals(200, statusWhenTheServiceComesUpDuringTheCall(authorized(), "GET"));
    }

    @Test
    void aPostIsNotRetried() {
        assertEquals(503, statusWhenTheServiceComesUpDuringTheCall(authorized().body("{}"), "POST"));
    }

    private int statusWhenTheServiceComesUpDuringTheCall(RequestSpecification request, String method) {
        given().post(lateSwitch + "/down").then().statusCode(204);
        // The first attempt is refused at once; the service is back well before the retry.
        CompletableFuture.runAsync(() -> given().post(lateSwitch + "/up").then().statusCode(204),
                CompletableFuture.delayedExecutor(RETRY_DELAY_MS / 3, TimeUnit.MILLISECONDS));
        return request.request(method, LATE_PREFIX + "/things").statusCode();
    }

    private static RequestSpecification authorized() {
        return given().auth().oauth2(Tokens.valid()).contentType("application/json");
    }
}
