package org.careweave.therapy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Scheduled -> rescheduled / cancelled / completed / no-show; every status but scheduled is final. */
@QuarkusTest
class SessionLifecycleTest {

    static final Map<String, Object> COMPLETION = Map.of("summary", "Worked on thought records.",
            "homework", "Two thought records a day");

    @Test
    void aScheduledSessionIsRescheduledToAFreeTime() {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(3);
        String id = team.book(start);
        Instant later = start.plus(1, ChronoUnit.DAYS);

        team.asPatient().body(Map.of("startsAt", later.toString()))
                .post("/api/therapy/sessions/{id}/reschedule", id).then()
                .statusCode(200)
                .body("startsAt", equalTo(later.toString()))
                .body("endsAt", equalTo(later.plus(Duration.ofMinutes(50)).toString()))
                .body("status", equalTo("SCHEDULED"));
        // The old slot is free again; moving within its own time is no clash with itself.
        team.book(start);
        team.asTherapist().body(Map.of("startsAt", later.plus(Duration.ofMinutes(15)).toString()))
                .post("/api/therapy/sessions/{id}/reschedule", id).then().statusCode(200);
    }

    @Test
    void reschedulingOntoAnotherSessionOrIntoThePastIsRefused() {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(3);
        String id = team.book(start);
        Instant other = start.plus(2, ChronoUnit.HOURS);
        team.book(other);

        team.asTherapist().body(Map.of("startsAt", other.minus(Duration.ofMinutes(10)).toString()))
                .post("/api/therapy/sessions/{id}/reschedule", id).then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(other.toString()));
        team.asTherapist().body(Map.of("startsAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()))
                .post("/api/therapy/sessions/{id}/reschedule", id).then()
                .statusCode(400).body("errors.field", contains("startsAt"));
        team.asTherapist().get("/api/therapy/sessions/{id}", id).then().body("startsAt", equalTo(start.toString()));
    }

    @Test
    void aCancellationWithNoticeIsNotLateButOneInsideTheWindowIs() {
        CareTeam team = CareTeam.assigned();
        String early = team.book(CareTeam.daysAhead(3));
        String soon = team.book(Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES));

        team.asPatient().body(Map.of("reason", "travelling")).post("/api/therapy/sessions/{id}/cancel", early).then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("lateCancellation", equalTo(false))
                .body("cancellationReason", equalTo("travelling"))
                .body("cancelledAt", notNullValue());
        CareTeam.asCoordinator().body(Map.of("reason", "patient called in sick"))
                .post("/api/therapy/sessions/{id}/cancel", soon).then()
                .statusCode(200)
                .body("lateCancellation", equalTo(true));
        team.asPatient().body(Map.of("reason", " ")).post("/api/therapy/sessions/{id}/cancel", early).then()
                .statusCode(400).body("errors.field", contains("reason"));
    }

    @Test
    void theTherapistCompletesASessionWithASharedSummary() {
        CareTeam team = CareTeam.assigned();
        String id = team.book(CareTeam.daysAhead(2));
        team.complete(id, Map.of("summary", "Worked on thought records.", "homework", "Two thought records a day",
                "privateNote", "Seems guarded when talking about work.")).statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("summary", equalTo("Worked on thought records."))
                .body("homework", equalTo("Two thought records a day"))
                .body("completedAt", notNullValue());
        team.asPsychiatrist().get("/api/therapy/sessions/{id}", id).then().statusCode(200)
                .body("summary", equalTo("Worked on thought records."));
    }

    @Test
    void theTherapistRecordsANoShow() {
        CareTeam team = CareTeam.assigned();
        String id = team.book(CareTeam.daysAhead(2));
        team.asTherapist().post("/api/therapy/sessions/{id}/no-show", id).then()
                .statusCode(200).body("status", equalTo("NO_SHOW"));
    }

    @Test
    void finalStatusesRefuseEveryFurtherTransition() {
        CareTeam team = CareTeam.assigned();
        String cancelled = team.book(CareTeam.daysAhead(2));
        team.asTherapist().body(Map.of("reason", "ill")).post("/api/therapy/sessions/{id}/cancel", cancelled).then()
                .statusCode(200);
        String completed = team.book(CareTeam.daysAhead(3));
        team.complete(completed, COMPLETION).statusCode(200);
        String missed = team.book(CareTeam.daysAhead(4));
        team.asTherapist().post("/api/therapy/sessions/{id}/no-show", missed).then().statusCode(200);

        for (String id : new String[] { cancelled, completed, missed }) {
            team.complete(id, COMPLETION).statusCode(409).contentType("application/problem+json");
            team.asTherapist().post("/api/therapy/sessions/{id}/no-show", id).then().statusCode(409);
            team.asTherapist().body(Map.of("reason", "again")).post("/api/therapy/sessions/{id}/cancel", id).then()
                    .statusCode(409);
            team.asTherapist().body(Map.of("startsAt", CareTeam.daysAhead(9).toString()))
                    .post("/api/therapy/sessions/{id}/reschedule", id).then().statusCode(409);
        }
        team.complete(cancelled, COMPLETION).body("detail", equalTo("A cancelled session cannot be completed"));
        team.asTherapist().get("/api/therapy/sessions/{id}", cancelled).then().body("status", equalTo("CANCELLED"))
                .body("summary", equalTo(null));
    }

    @Test
    void anOutcomeCannotBeRecordedLongBeforeTheSessionStarts() {
        // Tests may record outcomes up to 30 days ahead (the default is only once the session has started).
        CareTeam team = CareTeam.assigned();
        String id = team.book(CareTeam.daysAhead(45));
        team.complete(id, COMPLETION).statusCode(409).body("detail", equalTo("The session has not started yet"));
        team.asTherapist().post("/api/therapy/sessions/{id}/no-show", id).then().statusCode(409);
        team.asTherapist().get("/api/therapy/sessions/{id}", id).then().body("status", equalTo("SCHEDULED"));
    }

    @Test
    void onlyTheSessionsTherapistRecordsTheOutcome() {
        CareTeam team = CareTeam.assigned();
        String id = team.book(CareTeam.daysAhead(2));
        CareTeam second = team.withSecondTherapist();
        CareTeam stranger = CareTeam.assigned();

        team.asPatient().body(COMPLETION).post("/api/therapy/sessions/{id}/complete", id).then().statusCode(403);
        second.asTherapist().body(COMPLETION).post("/api/therapy/sessions/{id}/complete", id).then().statusCode(403);
        second.asTherapist().post("/api/therapy/sessions/{id}/no-show", id).then().statusCode(403);
        stranger.asTherapist().body(COMPLETION).post("/api/therapy/sessions/{id}/complete", id).then()
                .statusCode(404);
        team.asPsychiatrist().body(Map.of("reason", "x")).post("/api/therapy/sessions/{id}/cancel", id).then()
                .statusCode(403);
        stranger.asPatient().body(Map.of("reason", "x")).post("/api/therapy/sessions/{id}/cancel", id).then()
                .statusCode(404);
        team.complete(id, Map.of("homework", "none")).statusCode(400).body("errors.field", contains("summary"));
        team.asTherapist().get("/api/therapy/sessions/{id}", id).then().body("status", equalTo("SCHEDULED"));
    }
}
