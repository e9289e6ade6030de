package org.careweave.therapy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.careweave.platform.access.Roles;
import org.careweave.therapy.domain.Modality;
import org.careweave.therapy.domain.SessionFormat;
import org.careweave.therapy.domain.TherapySession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SessionSchedulingTest {

    @Test
    void theTherapistBooksASessionGivenWithAnyOffset() {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(3);
        Map<String, Object> body = team.session(start, 50);
        body.put("startsAt", start.atOffset(ZoneOffset.ofHours(2)).toString());
        body.put("modality", "DBT");
        body.put("format", "IN_PERSON");

        String id = team.asTherapist().body(body).post("/api/therapy/sessions").then()
                .statusCode(201)
                .header("Location", containsString("/api/therapy/sessions/"))
                .body("status", equalTo("SCHEDULED"))
                .body("startsAt", equalTo(start.toString()))
                .body("endsAt", equalTo(start.plus(Duration.ofMinutes(50)).toString()))
                .body("modality", equalTo("DBT"))
                .body("format", equalTo("IN_PERSON"))
                .body("seriesId", equalTo(null))
                .extract().path("id");

        team.asPatient().get("/api/therapy/sessions/{id}", id).then().statusCode(200)
                .body("therapistId", equalTo(team.therapist()));
    }

    @Test
    void aCoordinatorOrThePatientMayBookWithTheAssignedTherapist() {
        CareTeam team = CareTeam.assigned();
        CareTeam.asCoordinator().body(team.session(CareTeam.daysAhead(2), 50)).post("/api/therapy/sessions").then()
                .statusCode(201);
        team.asPatient().body(team.session(CareTeam.daysAhead(3), 50)).post("/api/therapy/sessions").then()
                .statusCode(201);
    }

    @Test
    void nobodyBooksWithATherapistWhoIsNotAssignedToThePatient() {
        CareTeam team = CareTeam.assigned();
        CareTeam other = CareTeam.assigned();
        Map<String, Object> body = team.session(CareTeam.daysAhead(3), 50);
        body.put("therapistId", other.therapist());
        team.asPatient().body(body).post("/api/therapy/sessions").then().statusCode(422)
                .contentType("application/problem+json");
        CareTeam.asCoordinator().body(body).post("/api/therapy/sessions").then().statusCode(422);
        // The patient's psychiatrist is on the team but is not their therapist.
        body.put("therapistId", team.psychiatrist());
        team.asPatient().body(body).post("/api/therapy/sessions").then().statusCode(422);
    }

    @Test
    void othersMayNotBook() {
        CareTeam team = CareTeam.assigned();
        CareTeam other = CareTeam.assigned();
        Map<String, Object> body = team.session(CareTeam.daysAhead(3), 50);
        team.asPsychiatrist().body(body).post("/api/therapy/sessions").then().statusCode(403)
                .contentType("application/problem+json");
        other.asTherapist().body(body).post("/api/therapy/sessions").then().statusCode(404)
                .contentType("application/problem+json");
        other.asPatient().body(body).post("/api/therapy/sessions").then().statusCode(404);
        CareTeam.asAdmin().body(body).post("/api/therapy/sessions").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/therapy/sessions").then().statusCode(401)
                .contentType("application/problem+json");
        team.asPatient().get("/api/therapy/sessions?patientId={p}", team.patient()).then().body("", hasSize(0));
    }

    @Test
    void aTimeInThePastOrInvalidFieldsAnswer400() {
        CareTeam team = CareTeam.assigned();
        Map<String, Object> body = team.session(Instant.now().minus(1, ChronoUnit.HOURS), 50);
        team.asTherapist().body(body).post("/api/therapy/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("startsAt"));

        body = team.session(CareTeam.daysAhead(3), 14);
        team.asTherapist().body(body).post("/api/therapy/sessions").then().statusCode(400)
                .body("errors.field", contains("durationMinutes"));
        body.put("durationMinutes", 181);
        team.asTherapist().body(body).post("/api/therapy/sessions").then().statusCode(400)
                .body("errors.field", contains("durationMinutes"));
        body.put("durationMinutes", 180);
        body.put("modality", "HYPNOSIS");
        team.asTherapist().body(body).post("/api/therapy/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("modality"));
        body.put("modality", "ACT");
        body.put("startsAt", "2031-01-01T10:00:00");
        team.asTherapist().body(body).post("/api/therapy/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("startsAt"));
        body.remove("startsAt");
        body.remove("format");
        team.asTherapist().body(body).post("/api/therapy/sessions").then().statusCode(400)
                .body("errors.field", contains("format", "startsAt"));
        team.asTherapist().body("{not json").post("/api/therapy/sessions").then().statusCode(400)
                .contentType("application/problem+json");

        team.asPatient().get("/api/therapy/sessions?patientId={p}", team.patient()).then().body("", hasSize(0));
    }

    @Test
    void anOverlapWithTheTherapistsOrThePatientsOtherSessionAnswers409NamingIt() {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(4);
        team.book(start);

        // Same therapist, another patient of theirs, 20 minutes into the booked session.
        CareTeam sharedTherapist = CareTeam.ofTherapist(team.therapist());
        sharedTherapist.asTherapist().body(sharedTherapist.session(start.plus(Duration.ofMinutes(20)), 50))
                .post("/api/therapy/sessions").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", allOf(containsString("the therapist's session"), containsString(start.toString()),
                        not(containsString(team.patient()))));

        // Same patient with a second therapist, starting 10 minutes before the booked session ends.
        CareTeam secondTherapist = team.withSecondTherapist();
        secondTherapist.asTherapist().body(secondTherapist.session(start.plus(Duration.ofMinutes(40)), 60))
                .post("/api/therapy/sessions").then()
                .statusCode(409)
                .body("detail", containsString("the patient's session"));

        // Back to back is not an overlap.
        sharedTherapist.asTherapist().body(sharedTherapist.session(start.plus(Duration.ofMinutes(50)), 50))
                .post("/api/therapy/sessions").then().statusCode(201);
        secondTherapist.asTherapist().body(secondTherapist.session(start.minus(Duration.ofMinutes(60)), 60))
                .post("/api/therapy/sessions").then().statusCode(201);
    }

    @Test
    void aCancelledSessionFreesItsSlot() {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(5);
        String id = team.book(start);
        team.asTherapist().body(team.session(start, 50)).post("/api/therapy/sessions").then().statusCode(409);
        team.asTherapist().body(Map.of("reason", "therapist ill")).post("/api/therapy/sessions/{id}/cancel", id)
                .then().statusCode(200);
        team.asTherapist().body(team.session(start, 50)).post("/api/therapy/sessions").then().statusCode(201);
    }

    @Test
    void aWeeklySeriesBooksEveryWeekUnderOneSeriesId() {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(2);
        Map<String, Object> body = team.session(start, 45);
        body.put("weeks", 4);

        team.asTherapist().body(body).post("/api/therapy/session-series").then()
                .statusCode(201)
                .body("seriesId", notNullValue())
                .body("sessions", hasSize(4))
                .body("sessions.startsAt", contains(start.toString(), start.plus(7, ChronoUnit.DAYS).toString(),
                        start.plus(14, ChronoUnit.DAYS).toString(), start.plus(21, ChronoUnit.DAYS).toString()))
                .body("sessions.status", everyItem(equalTo("SCHEDULED")));
        team.asPatient().get("/api/therapy/sessions?patientId={p}", team.patient()).then()
                .statusCode(200).body("", hasSize(4)).body("seriesId", everyItem(notNullValue()));
    }

    @Test
    void oneClashRejectsTheWholeSeriesAndEveryClashingWeekIsNamed() {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(2);
        team.book(start.plus(7, ChronoUnit.DAYS).plus(Duration.ofMinutes(30)));
        team.book(start.plus(21, ChronoUnit.DAYS).minus(Duration.ofMinutes(30)));
        Map<String, Object> body = team.session(start, 50);
        body.put("weeks", 5);

        team.asTherapist().body(body).post("/api/therapy/session-series").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", allOf(containsString("week 2"), containsString("week 4"),
                        not(containsString("week 1 ")), not(containsString("week 3")), not(containsString("week 5"))));
        team.asPatient().get("/api/therapy/sessions?patientId={p}", team.patient()).then().body("", hasSize(2));
    }

    @Test
    void aSeriesLongerThanTheConfiguredMaximumIsRejected() {
        CareTeam team = CareTeam.assigned();
        Map<String, Object> body = team.session(CareTeam.daysAhead(2), 50);
        body.put("weeks", 53);
        team.asTherapist().body(body).post("/api/therapy/session-series").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("weeks"));
        body.put("weeks", 0);
        team.asTherapist().body(body).post("/api/therapy/session-series").then().statusCode(400)
                .body("errors.field", contains("weeks"));
        body.put("weeks", 52);
        team.asTherapist().body(body).post("/api/therapy/session-series").then().statusCode(201)
                .body("sessions", hasSize(52));
    }

    @Test
    void concurrentBookingsOfTheSameSlotLetExactlyOneWin() throws Exception {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(6);
        List<CareTeam> patients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            patients.add(CareTeam.ofTherapist(team.therapist()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(patients.size());
        try {
            List<Callable<Integer>> bookings = patients.stream().<Callable<Integer>> map(p -> () -> p.asTherapist()
                    .body(p.session(start, 50)).post("/api/therapy/sessions").then().extract().statusCode()).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(bookings)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        CareTeam.as(team.therapist(), Roles.THERAPIST)
                .get("/api/therapy/sessions/mine?from={f}&to={t}", start.toString(), start.plusSeconds(1).toString())
                .then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void theDatabaseItselfRefusesOverlappingSessionsOfOneTherapist() {
        CareTeam team = CareTeam.assigned();
        CareTeam otherPatient = CareTeam.ofTherapist(team.therapist());
        Instant start = CareTeam.daysAhead(8);
        QuarkusTransaction.requiringNew().run(() -> TherapySession.book(team.patient(), team.therapist(), start, 50,
                Modality.CBT, SessionFormat.VIDEO, null, Instant.now()).persist());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> TherapySession.book(
                otherPatient.patient(), team.therapist(), start.plus(Duration.ofMinutes(49)), 50, Modality.CBT,
                SessionFormat.VIDEO, null, Instant.now()).persist()))
                .hasStackTraceContaining("therapy_session_therapist_overlap");
    }
}
