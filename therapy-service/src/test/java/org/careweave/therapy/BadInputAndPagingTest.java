package org.careweave.therapy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Input PostgreSQL cannot hold answers 400 before it gets there; lists come in capped pages. */
@QuarkusTest
class BadInputAndPagingTest {

    @Test
    void aNulInACancellationReasonAnswers400AndCancelsNothing() {
        CareTeam team = CareTeam.assigned();
        String id = team.book(CareTeam.daysAhead(4));
        team.asTherapist().body("{\"reason\": \"ill\\u0000\"}").post("/api/therapy/sessions/{id}/cancel", id).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("reason"));
        team.asTherapist().get("/api/therapy/sessions/{id}", id).then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));
    }

    @Test
    void aSessionInTheYear300000Answers400() {
        CareTeam team = CareTeam.assigned();
        Map<String, Object> body = team.session(CareTeam.daysAhead(3), 50);
        body.put("startsAt", "+300000-01-01T10:00:00Z");
        team.asTherapist().body(body).post("/api/therapy/sessions").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("startsAt"));
        team.asPatient().get("/api/therapy/sessions?patientId={p}&to={t}", team.patient(), "+300000-01-01T00:00:00Z")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("to"));
    }

    @Test
    void aControlCharacterInAQueryParameterAnswers400() {
        CareTeam team = CareTeam.assigned();
        team.asPatient().urlEncodingEnabled(false).get("/api/therapy/sessions?patientId=" + team.patient() + "%00")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("patientId"));
    }

    @Test
    void sessionsComeInPagesWithALinkToTheNext() {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(3);
        String first = team.book(start);
        String second = team.book(start.plus(1, ChronoUnit.DAYS));
        String third = team.book(start.plus(2, ChronoUnit.DAYS));

        team.asPatient().get("/api/therapy/sessions?patientId={p}&limit=2", team.patient()).then()
                .statusCode(200)
                .body("id", contains(first, second))
                .header("X-Next-Page", "1")
                .header("Link", containsString("page=1"));
        team.asPatient().get("/api/therapy/sessions?patientId={p}&limit=2&page=1", team.patient()).then()
                .statusCode(200)
                .body("id", contains(third))
                .header("Link", nullValue());
        team.asTherapist().get("/api/therapy/sessions/mine?limit=1&page=2&from={f}", start.toString()).then()
                .statusCode(200)
                .body("id", contains(third));
    }

    @Test
    void aPageAboveTheCapOrNotANumberAnswers400() {
        CareTeam team = CareTeam.assigned();
        team.asPatient().get("/api/therapy/sessions?patientId={p}&limit=501", team.patient()).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("limit"));
        team.asTherapist().get("/api/therapy/sessions/mine?limit=ten").then()
                .statusCode(400)
                .body("errors.field", contains("limit"));
        team.asTherapist().get("/api/therapy/sessions/mine?page=-1").then()
                .statusCode(400)
                .body("errors.field", contains("page"));
        team.asTherapist().get("/api/therapy/sessions/mine?from=1900-01-01T00:00:00Z&to=9999-01-01T00:00:00Z")
                .then().statusCode(200)
                .body("", hasSize(0));
    }
}
