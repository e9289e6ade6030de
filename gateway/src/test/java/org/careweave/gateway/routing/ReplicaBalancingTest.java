package org.careweave.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.careweave.gateway.testing.StandInServices.REPLICATED_PREFIX;
import static org.careweave.gateway.testing.StandInServices.REPLICA_SWITCH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** A route with two URLs: requests go to both in turn; with one replica down, every request goes to the other. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class ReplicaBalancingTest {

    @ConfigProperty(name = REPLICA_SWITCH)
    String replicaSwitch;

    @AfterEach
    void bothUp() throws InterruptedException {
        given().post(replicaSwitch + "/up").then().statusCode(204);
        // Past careweave.gateway.resilience.replica-down-for (3 s in tests).
        Thread.sleep(3200);
    }

    @Test
    void requestsAreSpreadOverBothReplicas() {
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            answeredBy.add(read());
        }
        assertEquals(Set.of("replica-a", "replica-b"), answeredBy);
    }

    @Test
    void withOneReplicaDownEveryRequestGoesToTheOther() {
        given().post(replicaSwitch + "/down").then().statusCode(204);
        for (int i = 0; i < 10; i++) {
            // A refused connection is retried on the next replica: the client never sees the one that is down.
            assertEquals("replica-a", read());
        }
    }

    private static String read() {
        return given().auth().oauth2(Tokens.valid()).get(REPLICATED_PREFIX + "/things")
                .then().statusCode(200).extract().path("service");
    }
}
