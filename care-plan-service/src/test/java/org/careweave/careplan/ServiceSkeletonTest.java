package org.careweave.careplan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
class ServiceSkeletonTest {

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void badInputAnswersProblemJson() {
        String admin = OidcWiremockTestResource.generateJwtToken("adam", Set.of("admin"), "admin-1", "Bearer");
        given().auth().oauth2(admin).queryParam("limit", 0).get("/api/audit-entries").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("limit", "patientId"));
    }

    @Test
    void missingTokenAnswers401ProblemJson() {
        given().get("/api/audit-entries?patientId=p").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
