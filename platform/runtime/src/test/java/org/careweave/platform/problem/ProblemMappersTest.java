package org.careweave.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.careweave.platform.access.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class ProblemMappersTest {

    @Test
    @TestSecurity(user = "admin-1", roles = Roles.ADMIN)
    void invalidQueryAnswersProblemWithEveryInvalidField() {
        given().queryParam("limit", 0).queryParam("patientId", "p".repeat(101)).get("/api/audit-entries").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .header(RequestIds.HEADER, not(equalTo(null)))
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", containsInAnyOrder("limit", "patientId"))
                .body(not(containsString("Exception")));
    }

    @Test
    @TestSecurity(user = "admin-1", roles = Roles.ADMIN)
    void validQueryAnswersTheEntries() {
        given().queryParam("patientId", "nobody").get("/api/audit-entries").then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void missingTokenAnswersProblem401() {
        given().get("/api/audit-entries?patientId=p").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "patient-1", roles = Roles.PATIENT)
    void missingRoleAnswersProblem403() {
        given().get("/api/audit-entries?patientId=p").then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin-1", roles = Roles.ADMIN)
    void requestIdFromTheGatewayIsEchoedInProblemAndHeader() {
        given().header(RequestIds.HEADER, "req-42").queryParam("limit", 9999).get("/api/audit-entries").then()
                .statusCode(400)
                .header(RequestIds.HEADER, "req-42")
                .body("requestId", equalTo("req-42"));
    }

    @Test
    void bodyValueOfTheWrongTypeAnswersProblemNamingTheField() {
        given().contentType("application/json").body("{\"amount\": \"ten\", \"unit\": \"MG\"}")
                .post("/test/doses").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"));
        given().contentType("application/json").body("{\"amount\": 10, \"unit\": \"GALLON\"}")
                .post("/test/doses").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("unit"));
    }

    @Test
    void malformedJsonAnswersProblem400() {
        given().contentType("application/json").body("{\"amount\": ").post("/test/doses").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void constraintViolationInTheBodyNamesTheField() {
        given().contentType("application/json").body("{\"amount\": 0, \"unit\": \"MG\"}")
                .post("/test/doses").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"));
    }

    @Test
    void unknownPathAnswersProblem404() {
        given().get("/api/nothing-here").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
