package org.careweave.therapy;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import org.careweave.platform.access.Roles;
import org.careweave.platform.careteam.CareTeamDirectory;
import org.careweave.platform.events.careplan.CareTeamChanged;
import org.careweave.platform.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A fresh patient with their own therapist and psychiatrist, assigned in this service's care-team
 * directory, plus callers with tokens. Fresh ids per test keep tests from booking into each other's slots.
 */
record CareTeam(String patient, String therapist, String psychiatrist) {

    static final String COORDINATOR = "coordinator-" + UUID.randomUUID();
    static final String ADMIN = "admin-" + UUID.randomUUID();

    static CareTeam assigned() {
        return ofTherapist("therapist-" + UUID.randomUUID());
    }

    /** A new patient of an existing therapist. */
    static CareTeam ofTherapist(String therapist) {
        CareTeam team = new CareTeam("patient-" + UUID.randomUUID(), therapist, "psychiatrist-" + UUID.randomUUID());
        assign(team.patient, List.of(new CareTeamChanged.Member(team.therapist, "THERAPIST"),
                new CareTeamChanged.Member(team.psychiatrist, "PRESCRIBER")));
        return team;
    }

    /** The same patient as seen by a second therapist who joins the team. */
    CareTeam withSecondTherapist() {
        CareTeam second = new CareTeam(patient, "therapist-" + UUID.randomUUID(), psychiatrist);
        assign(patient, List.of(new CareTeamChanged.Member(therapist, "THERAPIST"),
                new CareTeamChanged.Member(second.therapist, "THERAPIST"),
                new CareTeamChanged.Member(psychiatrist, "PRESCRIBER")));
        return second;
    }

    private static void assign(String patient, List<CareTeamChanged.Member> members) {
        CareTeamDirectory directory = CDI.current().select(CareTeamDirectory.class).get();
        QuarkusTransaction.requiringNew().run(() -> directory.apply(
                new CareTeamChanged(patient, "plan-" + UUID.randomUUID(), members), Instant.now()));
    }

    RequestSpecification asPatient() {
        return as(patient, Roles.PATIENT);
    }

    RequestSpecification asTherapist() {
        return as(therapist, Roles.THERAPIST);
    }

    RequestSpecification asPsychiatrist() {
        return as(psychiatrist, Roles.PSYCHIATRIST);
    }

    static RequestSpecification asCoordinator() {
        return as(COORDINATOR, Roles.CARE_COORDINATOR);
    }

    static RequestSpecification asAdmin() {
        return as(ADMIN, Roles.ADMIN);
    }

    static RequestSpecification as(String subject, String role) {
        return given().auth().oauth2(TestTokens.of(subject, role)).contentType(ContentType.JSON);
    }

    /** A whole hour a few days ahead, so it is in the future but well before any test's outcome limit. */
    static Instant daysAhead(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    Map<String, Object> session(Instant startsAt, int minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patient);
        body.put("therapistId", therapist);
        body.put("startsAt", startsAt.toString());
        body.put("durationMinutes", minutes);
        body.put("modality", "CBT");
        body.put("format", "VIDEO");
        return body;
    }

    /** Books a 50-minute session as the therapist and returns its id. */
    String book(Instant startsAt) {
        return asTherapist().body(session(startsAt, 50)).post("/api/therapy/sessions").then()
                .statusCode(201).extract().path("id");
    }

    ValidatableResponse complete(String sessionId, Map<String, Object> body) {
        return asTherapist().body(body).post("/api/therapy/sessions/{id}/complete", sessionId).then();
    }
}
