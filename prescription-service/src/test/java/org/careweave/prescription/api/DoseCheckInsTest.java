package org.careweave.prescription.api;

import static org.careweave.prescription.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.careweave.prescription.Api;
import org.careweave.prescription.CareTeams;
import org.careweave.prescription.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Check-ins answer scheduled doses, one each; adherence counts them over a month, through the API. */
@QuarkusTest
class DoseCheckInsTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    CareTeams careTeams;

    String patient;

    @BeforeEach
    void newPatientWithTeam() {
        patient = Users.newPatient();
        careTeams.assignStandardTeam(patient);
    }

    @Test
    void aMonthOfTwiceDailyDosesWithMissedAndUnreported() {
        String id = prescribe("TWICE_DAILY", TODAY.minusDays(40));
        // The 29 closed days of the 30-day window: mornings taken except 3 missed, 20 evenings taken, 9 unreported.
        for (int back = 29; back >= 1; back--) {
            LocalDate day = TODAY.minusDays(back);
            checkIn(id, back <= 3 ? "MISSED" : "TAKEN", at(day, 8, 30)).then().statusCode(201);
            if (back > 9) {
                checkIn(id, "TAKEN", at(day, 20, 15)).then().statusCode(201);
            }
        }
        // Before the window: not counted.
        checkIn(id, "TAKEN", at(TODAY.minusDays(35), 8, 0)).then().statusCode(201);

        as(Users.psychiatrist(Users.PRIYA)).queryParam("days", 30).get("/api/prescriptions/{id}/adherence", id).then()
                .statusCode(200)
                .body("frequency", equalTo("TWICE_DAILY"))
                .body("from", equalTo(TODAY.minusDays(29).toString()))
                .body("to", equalTo(TODAY.toString()))
                .body("expected", equalTo(58))
                .body("taken", equalTo(46))
                .body("missed", equalTo(3))
                .body("unreported", equalTo(9))
                .body("rate", equalTo(0.79f));
        // The default window is 30 days, and the therapist sees the same picture.
        as(Users.therapist(Users.THEO)).get("/api/prescriptions/{id}/adherence", id).then()
                .statusCode(200)
                .body("expected", equalTo(58));
        as(Users.patient(patient)).queryParam("days", 7).get("/api/prescriptions/{id}/adherence", id).then()
                .statusCode(200)
                .body("expected", equalTo(12))
                .body("taken", equalTo(3))
                .body("missed", equalTo(3))
                .body("unreported", equalTo(6));
    }

    @Test
    void asNeededExpectsNoDoseAndTakesAnyNumberOfCheckIns() {
        String id = prescribe("AS_NEEDED", TODAY.minusDays(40));
        LocalDate day = TODAY.minusDays(2);
        checkIn(id, "TAKEN", at(day, 9, 0)).then().statusCode(201).body("doseOfDay", nullValue());
        checkIn(id, "TAKEN", at(day, 9, 0)).then().statusCode(201);
        checkIn(id, "TAKEN", at(day, 22, 0)).then().statusCode(201);
        checkIn(id, "MISSED", at(day, 23, 0)).then().statusCode(422).contentType("application/problem+json");

        as(Users.patient(patient)).get("/api/prescriptions/{id}/adherence", id).then()
                .statusCode(200)
                .body("expected", equalTo(0))
                .body("taken", equalTo(3))
                .body("missed", equalTo(0))
                .body("unreported", equalTo(0))
                .body("rate", nullValue());
    }

    @Test
    void aSecondCheckInForTheSameScheduledDoseAnswers409() {
        String id = prescribe("TWICE_DAILY", TODAY.minusDays(10));
        LocalDate day = TODAY.minusDays(1);
        checkIn(id, "TAKEN", at(day, 7, 0)).then().statusCode(201)
                .body("doseDate", equalTo(day.toString()))
                .body("doseOfDay", equalTo(1));
        checkIn(id, "MISSED", at(day, 12, 0)).then().statusCode(409).contentType("application/problem+json");
        checkIn(id, "TAKEN", at(day, 19, 0)).then().statusCode(201).body("doseOfDay", equalTo(2));
    }

    @Test
    void thePatientsLocalTimePicksTheScheduledDose() {
        String id = prescribe("TWICE_DAILY", TODAY.minusDays(10));
        LocalDate day = TODAY.minusDays(2);
        // 20:00 in New York is 01:00 UTC the next day; it is still that evening's dose.
        String evening = day.atTime(20, 0).atOffset(ZoneOffset.ofHours(-5)).toString();
        checkIn(id, "TAKEN", evening).then().statusCode(201)
                .body("doseDate", equalTo(day.toString()))
                .body("doseOfDay", equalTo(2));
    }

    @Test
    void onlyThePatientChecksInAndDatesMustFitThePrescription() {
        String id = prescribe("ONCE_DAILY", TODAY.minusDays(10));
        as(Users.therapist(Users.THEO)).body(body("TAKEN", at(TODAY.minusDays(1), 8, 0), null))
                .post("/api/prescriptions/{id}/check-ins", id).then().statusCode(403);
        as(Users.patient(Users.newPatient())).body(body("TAKEN", at(TODAY.minusDays(1), 8, 0), null))
                .post("/api/prescriptions/{id}/check-ins", id).then().statusCode(404);
        checkIn(id, "TAKEN", OffsetDateTime.now(ZoneOffset.UTC).plusHours(3).toString()).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("takenAt"));
        checkIn(id, "TAKEN", at(TODAY.minusDays(11), 8, 0)).then()
                .statusCode(400)
                .body("errors.field", contains("takenAt"));
        checkIn(id, "TAKEN", TODAY.minusDays(1) + "T08:00:00").then()
                .statusCode(400)
                .body("errors.field", contains("takenAt"));
        checkIn(id, "SKIPPED", at(TODAY.minusDays(1), 8, 0)).then()
                .statusCode(400)
                .body("errors.field", contains("status"));
        as(Users.patient(patient)).get("/api/prescriptions/{id}/adherence", id).then()
                .body("taken", equalTo(0))
                .body("unreported", equalTo(10));
        as(Users.patient(patient)).queryParam("days", 0).get("/api/prescriptions/{id}/adherence", id).then()
                .statusCode(400)
                .body("errors.field", contains("days"));
        as(Users.patient(patient)).queryParam("days", "many").get("/api/prescriptions/{id}/adherence", id).then()
                .statusCode(400);
    }

    @Test
    void aDiscontinuedPrescriptionTakesNoCheckIn() {
        String id = prescribe("ONCE_DAILY", TODAY.minusDays(10));
        as(Users.psychiatrist(Users.PRIYA)).body("{\"reason\":\"stopped\"}")
                .post("/api/prescriptions/{id}/discontinue", id).then().statusCode(200);
        checkIn(id, "TAKEN", at(TODAY.minusDays(1), 8, 0)).then().statusCode(409);
    }

    private String prescribe(String frequency, LocalDate start) {
        Map<String, Object> order = Api.order(patient, "Quetiapine", "ATYPICAL_ANTIPSYCHOTIC");
        order.put("frequency", frequency);
        order.put("startDate", start.toString());
        return Api.prescribe(order);
    }

    private Response checkIn(String prescription, String status, String takenAt) {
        return as(Users.patient(patient)).body(body(status, takenAt, "felt a bit sleepy"))
                .post("/api/prescriptions/{id}/check-ins", prescription);
    }

    private static Map<String, Object> body(String status, String takenAt, String note) {
        return note == null ? Map.of("status", status, "takenAt", takenAt)
                : Map.of("status", status, "takenAt", takenAt, "note", note);
    }

    private static String at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atOffset(ZoneOffset.UTC).toString();
    }
}
