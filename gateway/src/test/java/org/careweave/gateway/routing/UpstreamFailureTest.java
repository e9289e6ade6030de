package org.careweave.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.careweave.gateway.testing.StandInServices.DELAY_HEADER;
import static org.careweave.gateway.testing.StandInServices.DOWN_PREFIX;
import static org.careweave.gateway.testing.StandInServices.SLOW_PREFIX;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.UUID;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class UpstreamFailureTest {

    @Test
    void aServiceThatIsDownIsAQuick503Problem() {
        String requestId = "down-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.valid()).header("X-Request-Id", requestId).get(DOWN_PREFIX + "/anything")
                .then().statusCode(503)
                .time(lessThan(2000L))
                .contentType("application/problem+json")
                .header("X-Request-Id", requestId)
                .body("title", equalTo("Service Unavailable"))
                .body("status", equalTo(503))
                .body("detail", equalTo("The down service is not reachable; try again shortly"))
                .body("instance", equalTo(DOWN_PREFIX + "/anything"))
                .body("requestId", equalTo(requestId));
    }

    @Test
    void aServiceSlowerThanTheRouteTimeoutIsA504Problem() {
        String requestId = "slow-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.valid()).header("X-Request-Id", requestId).header(DELAY_HEADER, "3000")
                .post(SLOW_PREFIX + "/work")
                .then().statusCode(504)
                .time(lessThan(2500L))
                .contentType("application/problem+json")
                .body("title", equalTo("Gateway Timeout"))
                .body("detail", equalTo("The slow service did not answer within 1000 ms"))
                .body("requestId", equalTo(requestId));
    }

    @Test
    void aServiceWithinTheRouteTimeoutAnswers() {
        given().auth().oauth2(Tokens.valid()).header(DELAY_HEADER, "200").get(SLOW_PREFIX + "/work")
                .then().statusCode(200).body("service", equalTo("slow"));
    }
}
