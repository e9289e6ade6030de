package org.careweave.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * What every Careweave service answers the same way: readiness of its database and Kafka, OpenAPI,
 * metrics, and problem+json for bad input, missing or bad tokens and missing roles. Each service
 * runs it with a {@code @QuarkusTest} subclass.
 */
public abstract class ServiceContractTest {

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void badInputAnswersProblemJsonNamingEveryInvalidField() {
        given().auth().oauth2(TestTokens.of("admin-1", "admin"))
                .queryParam("limit", 0)
                .get("/api/audit-entries").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("limit", "patientId"))
                .body(not(containsString("Exception")));
    }

    @Test
    void missingTokenAnswers401ProblemJson() {
        given().get("/api/audit-entries?patientId=p").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void malformedTokenAnswers401ProblemJson() {
        given().auth().oauth2("not-a-token").get("/api/audit-entries?patientId=p").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void missingRoleAnswers403ProblemJson() {
        given().auth().oauth2(TestTokens.of("patient-1", "patient"))
                .get("/api/audit-entries?patientId=patient-1").then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void openApiSwaggerUiAndMetricsAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }
}
