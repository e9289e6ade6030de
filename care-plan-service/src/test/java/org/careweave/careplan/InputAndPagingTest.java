package org.careweave.careplan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.careweave.careplan.domain.CarePlan;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Text PostgreSQL cannot store answers 400 and creates nothing; the timeline comes in capped pages. */
@QuarkusTest
class InputAndPagingTest {

    @Test
    void aNulInAnIntakeAnswers400AndCreatesNoPlan() {
        String patient = Tokens.newId();
        Map<String, Object> body = Intakes.mild();
        body.put("patientId", patient + "\u0000");
        Intakes.submit(Tokens.coordinator(), body).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("patientId"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> CarePlan.count("patientId like ?1", patient + "%")))
                .isZero();
    }

    @Test
    void theTimelineComesInCappedPages() {
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);
        given().auth().oauth2(Tokens.coordinator()).post("/api/care-plans/{id}/activate", planId).then()
                .statusCode(200);
        String token = Tokens.patient(patient);

        given().auth().oauth2(token).get("/api/care-plans/{id}/timeline?limit=1", planId).then()
                .statusCode(200)
                .body("kind", contains("PLAN_CREATED"))
                .header("Link", containsString("page=1"));
        given().auth().oauth2(token).get("/api/care-plans/{id}/timeline?limit=1&page=1", planId).then()
                .statusCode(200)
                .body("kind", contains("PLAN_STATUS_CHANGED"))
                .header("Link", nullValue());
        given().auth().oauth2(token).get("/api/care-plans/{id}/timeline", planId).then()
                .statusCode(200)
                .body("", hasSize(2));
        given().auth().oauth2(token).get("/api/care-plans/{id}/timeline?limit=100000", planId).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("limit"));
    }
}
