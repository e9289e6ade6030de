package org.careweave.gateway.resilience;

import static io.restassured.RestAssured.given;
import static org.careweave.gateway.testing.StandInServices.BREAKER_FAILURES;
import static org.careweave.gateway.testing.StandInServices.DELAY_HEADER;
import static org.careweave.gateway.testing.StandInServices.ERRING_PREFIX;
import static org.careweave.gateway.testing.StandInServices.HANG_UP_PREFIX;
import static org.careweave.gateway.testing.StandInServices.STATUS_HEADER;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;

/**
 * What counts against a service's breaker: its 5xx answers do (but a deliberate 503), clients that hang up
 * mid-request do not.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class BreakerVerdictTest {

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    ServiceBreakers breakers;

    @Test
    void clientsThatHangUpWithRequestsInFlightDoNotOpenTheBreaker() throws Exception {
        String token = Tokens.valid();
        for (int round = 0; round < 3; round++) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 2 * BREAKER_FAILURES; i++) {
                Socket socket = new Socket(gateway.getHost(), gateway.getPort());
                OutputStream out = socket.getOutputStream();
                // The stand-in answers after 2 s: every request is still at the service when its client leaves.
                out.write(("GET " + HANG_UP_PREFIX + "/things HTTP/1.1\r\nHost: " + gateway.getHost()
                        + "\r\nAuthorization: Bearer " + token + "\r\n" + DELAY_HEADER + ": 2000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(socket);
            }
            Thread.sleep(400);
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        Thread.sleep(300);
        assertEquals(ServiceBreakers.State.CLOSED, breakers.state("hang-up"));
        given().auth().oauth2(token).get(HANG_UP_PREFIX + "/things")
                .then().statusCode(200).body("service", equalTo("hang-up"));
    }

    @Test
    void aServiceThatAnswers5xxOpensItsBreaker() {
        String token = Tokens.valid();
        for (int i = 0; i < BREAKER_FAILURES; i++) {
            // The service's own answer reaches the client as it is.
            given().auth().oauth2(token).header(STATUS_HEADER, "500").get(ERRING_PREFIX + "/things")
                    .then().statusCode(500).body("service", equalTo("erring"));
        }
        assertEquals(ServiceBreakers.State.OPEN, breakers.state("erring"));
        given().auth().oauth2(token).get(ERRING_PREFIX + "/things")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo(
                        "The erring service is failing; the gateway is not calling it for a moment, try again shortly"));
    }

    @Test
    void aServicesRefusalsDoNotCount() {
        String token = Tokens.valid();
        for (int i = 0; i < 2 * BREAKER_FAILURES; i++) {
            given().auth().oauth2(token).header(STATUS_HEADER, "404").get(HANG_UP_PREFIX + "/refused")
                    .then().statusCode(404);
        }
        assertEquals(ServiceBreakers.State.CLOSED, breakers.state("hang-up"));
    }

    @Test
    void aServiceThatSaysItsDatabaseIsAwayWith503DoesNotOpenItsBreaker() {
        String token = Tokens.valid();
        for (int i = 0; i < 2 * BREAKER_FAILURES; i++) {
            given().auth().oauth2(token).header(STATUS_HEADER, "503").get(HANG_UP_PREFIX + "/database-away")
                    .then().statusCode(503).body("service", equalTo("hang-up"));
        }
        assertEquals(ServiceBreakers.State.CLOSED, breakers.state("hang-up"));
        given().auth().oauth2(token).get(HANG_UP_PREFIX + "/things").then().statusCode(200);
    }
}
