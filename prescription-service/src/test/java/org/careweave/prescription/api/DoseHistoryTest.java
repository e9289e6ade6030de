package org.careweave.prescription.api;

import static org.careweave.prescription.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.careweave.prescription.Api;
import org.careweave.prescription.CareTeams;
import org.careweave.prescription.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Dose changes add to the history and never rewrite it; a discontinued prescription takes no more changes. */
@QuarkusTest
class DoseHistoryTest {

    @Inject
    CareTeams careTeams;

    String patient;
    String prescription;

    @BeforeEach
    void prescribed() {
        patient = Users.newPatient();
        careTeams.assignStandardTeam(patient);
        prescription = Api.prescribe(patient, "Sertraline", "SSRI");
    }

    @Test
    void everyDoseStaysInTheHistoryOldestFirst() {
        changeDose("75", "mg", "partial response after 4 weeks").then().statusCode(200)
                .body("dose.amount", equalTo(75));
        changeDose("12.5", "mg", "GI side effects").then().statusCode(200)
                .body("dose.amount", equalTo(12.5f));

        as(Users.therapist(Users.THEO)).get("/api/prescriptions/{id}", prescription).then()
                .statusCode(200)
                .body("dose.amount", equalTo(12.5f))
                .body("doseHistory", hasSize(3))
                .body("doseHistory.amount", contains(50, 75, 12.5f))
                .body("doseHistory.reason", contains("initial dose", "partial response after 4 weeks",
                        "GI side effects"))
                .body("doseHistory.changedBy", contains(Users.PRIYA, Users.PRIYA, Users.PRIYA))
                .body("doseHistory[0].changedAt", notNullValue());
    }

    @Test
    void theSameDoseAgainIsRefused() {
        changeDose("50", "mg", "no change").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void onlyThePrescriberOnTheTeamChangesTheDose() {
        as(Users.therapist(Users.THEO)).body(doseChange("75", "mg", "x"))
                .post("/api/prescriptions/{id}/dose-changes", prescription).then().statusCode(403);
        as(Users.patient(patient)).body(doseChange("75", "mg", "x"))
                .post("/api/prescriptions/{id}/dose-changes", prescription).then().statusCode(403);
        // A psychiatrist who may not even see the record learns nothing about it.
        as(Users.psychiatrist(Users.OTHER_PSYCHIATRIST)).body(doseChange("75", "mg", "x"))
                .post("/api/prescriptions/{id}/dose-changes", prescription).then().statusCode(404);
        as(Users.psychiatrist(Users.OTHER_PSYCHIATRIST)).body("{\"reason\":\"x\"}")
                .post("/api/prescriptions/{id}/discontinue", prescription).then().statusCode(404);
        as(Users.patient(patient)).get("/api/prescriptions/{id}", prescription).then()
                .body("doseHistory", hasSize(1))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void discontinuedKeepsItsHistoryAndTakesNoMoreChanges() {
        changeDose("100", "mg", "titration").then().statusCode(200);
        as(Users.psychiatrist(Users.PRIYA)).body("{\"reason\":\"remission for 9 months\"}")
                .post("/api/prescriptions/{id}/discontinue", prescription).then()
                .statusCode(200)
                .body("status", equalTo("DISCONTINUED"))
                .body("discontinuedBy", equalTo(Users.PRIYA))
                .body("discontinueReason", equalTo("remission for 9 months"))
                .body("discontinuedAt", notNullValue());
        changeDose("50", "mg", "too late").then().statusCode(409).contentType("application/problem+json");
        as(Users.psychiatrist(Users.PRIYA)).body("{\"reason\":\"again\"}")
                .post("/api/prescriptions/{id}/discontinue", prescription).then().statusCode(409);
        as(Users.patient(patient)).get("/api/prescriptions/{id}", prescription).then()
                .statusCode(200)
                .body("doseHistory.amount", contains(50, 100));
    }

    @Test
    void aDoseChangeNeedsAReasonAndAPositiveAmount() {
        changeDose("75", "mg", " ").then().statusCode(400).body("errors.field", contains("reason"));
        changeDose("-5", "mg", "x").then().statusCode(400).body("errors.field", contains("amount"));
        changeDose("5", "grams", "x").then().statusCode(400).body("errors.field", contains("unit"));
        as(Users.patient(patient)).get("/api/prescriptions/{id}", prescription).then()
                .body("doseHistory", hasSize(1));
    }

    private Response changeDose(String amount, String unit, String reason) {
        return as(Users.psychiatrist(Users.PRIYA)).body(doseChange(amount, unit, reason))
                .post("/api/prescriptions/{id}/dose-changes", prescription);
    }

    private static String doseChange(String amount, String unit, String reason) {
        return "{\"amount\":" + amount + ",\"unit\":\"" + unit + "\",\"reason\":\"" + reason + "\"}";
    }
}
