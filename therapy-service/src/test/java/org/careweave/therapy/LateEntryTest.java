package org.careweave.therapy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** A therapist documents a session that already took place: booked in the past and completed, audited as such. */
@QuarkusTest
class LateEntryTest {

    @Test
    void aSessionThatTookPlaceIsDocumentedAsACompletedLateEntry() {
        CareTeam team = CareTeam.assigned();
        Instant start = hoursAgo(3);

        String id = document(team, team.asTherapist(), start).statusCode(201)
                .header("Location", notNullValue())
                .body("status", equalTo("COMPLETED"))
                .body("lateEntry", equalTo(true))
                .body("startsAt", equalTo(start.toString()))
                .body("therapistId", equalTo(team.therapist()))
                .body("summary", equalTo("Crisis walk-in: safety plan reviewed."))
                .body("completedAt", notNullValue())
                .extract().path("id");

        team.asPatient().get("/api/therapy/sessions/{id}", id).then().statusCode(200).body("lateEntry", equalTo(true));
        team.asTherapist().get("/api/therapy/sessions/{id}/note", id).then().statusCode(200);
        team.asPsychiatrist().get("/api/therapy/sessions/{id}/note", id).then().statusCode(404);
        CareTeam.asAdmin().get("/api/audit-entries?patientId={p}", team.patient()).then()
                .statusCode(200)
                .body("findAll { it.resourceId == '" + id + "' }.action", hasItem("LATE_ENTRY"));
    }

    @Test
    void aLateEntryMustHaveEndedAndLieWithinTheWindow() {
        CareTeam team = CareTeam.assigned();
        document(team, team.asTherapist(), Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS))
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("startsAt"));
        document(team, team.asTherapist(), Instant.now().minus(31, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS))
                .statusCode(400).body("errors.field", contains("startsAt"));
        document(team, team.asTherapist(), CareTeam.daysAhead(2)).statusCode(400)
                .body("errors.field", contains("startsAt"));
        team.asTherapist().get("/api/therapy/sessions?patientId={p}&from={f}&to={t}", team.patient(),
                Instant.now().minus(40, ChronoUnit.DAYS).toString(), Instant.now().plus(5, ChronoUnit.DAYS).toString())
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aLateEntryThatOverlapsAnotherSessionIsRefused() {
        CareTeam team = CareTeam.assigned();
        Instant start = hoursAgo(30);
        document(team, team.asTherapist(), start).statusCode(201);
        document(team, team.asTherapist(), start.plus(Duration.ofMinutes(30))).statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void onlyThePatientsOwnTherapistDocumentsALateEntry() {
        CareTeam team = CareTeam.assigned();
        CareTeam other = CareTeam.assigned();
        document(team, other.asTherapist(), hoursAgo(5)).statusCode(404);
        document(team, team.asPatient(), hoursAgo(5)).statusCode(403);
        document(team, team.asPsychiatrist(), hoursAgo(5)).statusCode(403);
        document(team, CareTeam.asCoordinator(), hoursAgo(5)).statusCode(403);
    }

    private static ValidatableResponse document(CareTeam team, RequestSpecification as,
            Instant start) {
        Map<String, Object> body = new HashMap<>(team.session(start, 50));
        body.remove("therapistId");
        body.put("summary", "Crisis walk-in: safety plan reviewed.");
        body.put("privateNote", "Private: walk-in details.");
        return as.body(body).post("/api/therapy/sessions/late-entries").then();
    }

    private static Instant hoursAgo(int hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    }
}
