package org.careweave.therapy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.careweave.platform.access.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** A patient's sessions are theirs and their care team's; a private note is its author's alone. */
@QuarkusTest
class SessionAccessTest {

    static final String NOTE = "Private: mentions a conflict with her sister.";

    @Test
    void anotherPatientsSessionsAnswer404() {
        CareTeam team = CareTeam.assigned();
        CareTeam other = CareTeam.assigned();
        String id = team.book(CareTeam.daysAhead(3));

        other.asPatient().get("/api/therapy/sessions/{id}", id).then().statusCode(404)
                .contentType("application/problem+json")
                .body(not(containsString(team.patient())));
        other.asPatient().get("/api/therapy/sessions?patientId={p}", team.patient()).then().statusCode(404);
        other.asTherapist().get("/api/therapy/sessions/{id}", id).then().statusCode(404);
        other.asPsychiatrist().get("/api/therapy/sessions?patientId={p}", team.patient()).then().statusCode(404);
        // An admin holds no patient-record role: refused for the role, before any record is looked up.
        CareTeam.asAdmin().get("/api/therapy/sessions/{id}", id).then().statusCode(403)
                .contentType("application/problem+json");
        CareTeam.asAdmin().get("/api/therapy/sessions?patientId={p}", team.patient()).then().statusCode(403);
        CareTeam.asAdmin().get("/api/therapy/assessments?patientId={p}", team.patient()).then().statusCode(403);
        CareTeam.asAdmin().get("/api/therapy/sessions/{id}/note", id).then().statusCode(403);
        // Not existing looks the same as not yours.
        team.asPatient().get("/api/therapy/sessions/{id}", "7d3c1f7a-4c55-4b5e-8e83-0b9c6f7d2a11").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void thePatientTheirTeamAndCoordinatorsReadTheSessions() {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(3);
        String id = team.book(start);
        team.book(start.plus(7, ChronoUnit.DAYS));

        team.asPatient().get("/api/therapy/sessions/{id}", id).then().statusCode(200);
        team.asPsychiatrist().get("/api/therapy/sessions/{id}", id).then().statusCode(200);
        CareTeam.asCoordinator().get("/api/therapy/sessions/{id}", id).then().statusCode(200);
        team.asPatient().get("/api/therapy/sessions?patientId={p}&from={f}&to={t}", team.patient(),
                start.toString(), start.plus(1, ChronoUnit.DAYS).toString()).then()
                .statusCode(200).body("id", contains(id));
        team.asPatient().get("/api/therapy/sessions?patientId={p}&from={f}", team.patient(), "yesterday").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("from"));
        team.asPatient().get("/api/therapy/sessions").then().statusCode(400)
                .body("errors.field", contains("patientId"));
    }

    @Test
    void aTherapistsOwnScheduleListsTheirSessionsAcrossPatientsOnly() {
        CareTeam team = CareTeam.assigned();
        CareTeam secondPatient = CareTeam.ofTherapist(team.therapist());
        CareTeam someoneElse = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(3);
        String first = team.book(start);
        String second = secondPatient.book(start.plus(2, ChronoUnit.HOURS));
        someoneElse.book(start);

        team.asTherapist().get("/api/therapy/sessions/mine?from={f}&to={t}", start.toString(),
                start.plus(1, ChronoUnit.DAYS).toString()).then()
                .statusCode(200).body("id", contains(first, second));
        team.asPatient().get("/api/therapy/sessions/mine").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void thePrivateNoteIsReadableByItsAuthorOnly() {
        CareTeam team = CareTeam.assigned();
        String id = team.book(CareTeam.daysAhead(2));
        team.complete(id, Map.of("summary", "Explored family stressors.", "privateNote", NOTE)).statusCode(200)
                .body(not(containsString(NOTE)));

        team.asTherapist().get("/api/therapy/sessions/{id}/note", id).then()
                .statusCode(200).body("body", equalTo(NOTE)).body("sessionId", equalTo(id));

        CareTeam second = team.withSecondTherapist();
        List.of(team.asPatient(), team.asPsychiatrist(), second.asTherapist(), CareTeam.asCoordinator(),
                CareTeam.as(team.therapist(), Roles.PATIENT)).forEach(caller -> caller
                        .get("/api/therapy/sessions/{id}/note", id).then()
                        .statusCode(404).contentType("application/problem+json").body(not(containsString(NOTE))));
        // No patient-record role at all: refused for the role.
        CareTeam.asAdmin().get("/api/therapy/sessions/{id}/note", id).then()
                .statusCode(403).contentType("application/problem+json").body(not(containsString(NOTE)));
    }

    @Test
    void thePrivateNoteAppearsInNoOtherResponse() {
        CareTeam team = CareTeam.assigned();
        String id = team.book(CareTeam.daysAhead(2));
        team.complete(id, Map.of("summary", "Explored family stressors.", "privateNote", NOTE)).statusCode(200);

        List<Supplier<RequestSpecification>> readers = List.of(team::asTherapist, team::asPatient,
                team::asPsychiatrist);
        for (Supplier<RequestSpecification> reader : readers) {
            String session = reader.get().get("/api/therapy/sessions/{id}", id).then().statusCode(200).extract()
                    .asString();
            String list = reader.get().get("/api/therapy/sessions?patientId={p}", team.patient()).then()
                    .statusCode(200).extract().asString();
            assertThat(session).doesNotContain(NOTE);
            assertThat(list).doesNotContain(NOTE);
        }
        String mine = team.asTherapist().get("/api/therapy/sessions/mine").then().statusCode(200).extract().asString();
        assertThat(mine).contains(id).doesNotContain(NOTE);
    }

    @Test
    void aSessionWithoutAPrivateNoteAnswers404EvenToItsTherapist() {
        CareTeam team = CareTeam.assigned();
        String id = team.book(CareTeam.daysAhead(2));
        team.complete(id, Map.of("summary", "Short check-in.")).statusCode(200);
        team.asTherapist().get("/api/therapy/sessions/{id}/note", id).then().statusCode(404);
    }

    @Test
    void readsWritesAndRefusalsLeaveAuditEntries() {
        CareTeam team = CareTeam.assigned();
        CareTeam other = CareTeam.assigned();
        String id = team.book(CareTeam.daysAhead(2));
        team.asPatient().get("/api/therapy/sessions/{id}", id).then().statusCode(200);
        other.asTherapist().get("/api/therapy/sessions/{id}", id).then().statusCode(404);
        team.complete(id, Map.of("summary", "Check-in.", "privateNote", NOTE)).statusCode(200);
        team.asPsychiatrist().get("/api/therapy/sessions/{id}/note", id).then().statusCode(404);

        CareTeam.asAdmin().get("/api/audit-entries?patientId={p}", team.patient()).then()
                .statusCode(200)
                .body("action", hasItems("SCHEDULE", "READ", "COMPLETE"))
                .body("findAll { it.subject == '" + other.therapist() + "' }.outcome", contains("DENIED"))
                .body("findAll { it.subject == '" + team.psychiatrist() + "' }.resourceType",
                        contains("session-private-note"))
                .body("findAll { it.subject == '" + team.psychiatrist() + "' }.outcome", contains("DENIED"))
                .body("findAll { it.action == 'SCHEDULE' }", hasSize(1));
    }
}
