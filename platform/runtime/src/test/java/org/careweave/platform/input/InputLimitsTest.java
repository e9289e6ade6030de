package org.careweave.platform.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.careweave.platform.access.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Control characters and absurd dates answer 400 problem+json before they reach PostgreSQL. */
@QuarkusTest
class InputLimitsTest {

    @Test
    void aNulOrOtherControlCharacterInBodyTextAnswers400NamingTheField() {
        for (String text : new String[] { "dizzy\\u0000", "\\u0007bell", "esc\\u001b[0m" }) {
            given().contentType("application/json").body("{\"amount\": 1, \"note\": \"" + text + "\"}")
                    .post("/test/doses").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("note"))
                    .body(not(containsString("dizzy")));
        }
    }

    @Test
    void aControlCharacterAroundADateNumberOrEnumAnswers400ThoughJacksonWouldTrimIt() {
        for (String field : new String[] { "\"takenOn\": \"2026-12-02\\u0000\"", "\"recordedAt\": \"\\u00012026-12-02T10:00:00Z\"",
                "\"unit\": \"MG\\u0000\"", "\"amount\": \"2\\u0007\"" }) {
            String body = field.startsWith("\"amount\"") ? "{" + field + "}" : "{\"amount\": 1, " + field + "}";
            given().contentType("application/json").body(body)
                    .post("/test/doses").then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().contentType("application/json").body("{\"amount\": \"2\", \"unit\": \"MG\", \"takenOn\": \"2026-12-02\"}")
                .post("/test/doses").then()
                .statusCode(200)
                .body(equalTo("2"));
    }

    @Test
    void aDocumentFollowedByMoreTokensAnswers400() {
        for (String body : new String[] { "{\"amount\": 1} x", "{\"amount\": 1}{\"amount\": 2}", "{\"amount\": 1} 7" }) {
            given().contentType("application/json").body(body)
                    .post("/test/doses").then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().contentType("application/json").body("{\"amount\": 3}  \n")
                .post("/test/doses").then()
                .statusCode(200)
                .body(equalTo("3"));
    }

    @Test
    void tabsAndLineBreaksAreText() {
        given().contentType("application/json").body("{\"amount\": 2, \"note\": \"line one\\r\\n\\tline two\"}")
                .post("/test/doses").then()
                .statusCode(200)
                .body(equalTo("2"));
    }

    @Test
    void datesOutsideTheAcceptedYearsAnswer400NamingTheField() {
        given().contentType("application/json").body("{\"amount\": 1, \"takenOn\": \"+300000-01-01\"}")
                .post("/test/doses").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("takenOn"));
        given().contentType("application/json").body("{\"amount\": 1, \"recordedAt\": \"+300000-01-01T00:00:00Z\"}")
                .post("/test/doses").then()
                .statusCode(400)
                .body("errors.field", contains("recordedAt"));
        given().contentType("application/json").body("{\"amount\": 1, \"takenOn\": \"0099-12-31\"}")
                .post("/test/doses").then()
                .statusCode(400)
                .body("errors.field", contains("takenOn"));
        given().contentType("application/json")
                .body("{\"amount\": 1, \"takenOn\": \"2026-12-02\", \"recordedAt\": \"2026-12-02T10:00:00Z\"}")
                .post("/test/doses").then()
                .statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin-input", roles = Roles.ADMIN)
    void aControlCharacterInAQueryParameterAnswers400() {
        given().urlEncodingEnabled(false).get("/api/audit-entries?patientId=p%00").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("patientId"));
    }

    @Test
    @TestSecurity(user = "patient-input", roles = Roles.PATIENT)
    void aControlCharacterInAPathParameterAnswers400() {
        given().urlEncodingEnabled(false).get("/test/patients/patient-input%01/record").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("patientId"));
    }
}
