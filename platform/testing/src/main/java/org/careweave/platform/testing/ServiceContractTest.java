package org.careweave.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

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
                .queryParam("actor", "a".repeat(101))
                .get("/api/audit-entries").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("actor", "limit"))
                .body(not(containsString("Exception")));
    }

    /** Every limit the document states is one the service enforces: one request beyond each answers 400. */
    @Test
    void aRequestBeyondEachDocumentedLimitAnswers400NamingTheField() {
        String document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        List<DocumentedLimits.OverLimit> requests = DocumentedLimits.of(document);
        assertFalse(requests.isEmpty(), "the document states limits");
        String token = TestTokens.of("limits-probe", "patient", "therapist", "psychiatrist", "care-coordinator",
                "admin");
        List<String> unenforced = new ArrayList<>();
        for (DocumentedLimits.OverLimit request : requests) {
            RequestSpecification spec = given().auth().oauth2(token).queryParams(request.query());
            if (request.body() != null) {
                spec = spec.contentType("application/json").body(request.body().toString());
            }
            Response response = spec.request(request.method().toUpperCase(), request.path());
            boolean refused = response.statusCode() == 400
                    && response.contentType().startsWith("application/problem+json")
                    && response.jsonPath().getList("errors.field").contains(request.field());
            if (!refused) {
                unenforced.add(request + " -> " + response.statusCode() + " " + response.asString());
            }
        }
        System.out.printf("FIGURE %d requests beyond documented limits, %d not refused%n", requests.size(),
                unenforced.size());
        assertEquals(List.of(), unenforced, "limits the document states but the service does not enforce");
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
