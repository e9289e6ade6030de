package org.careweave.prescription.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careweave.prescription.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.careweave.prescription.Api;
import org.careweave.prescription.CareTeams;
import org.careweave.prescription.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Bad input answers 400 problem+json naming the field, and leaves no prescription and no event behind. */
@QuarkusTest
class BadInputTest {

    @Inject
    CareTeams careTeams;

    String patient;

    @BeforeEach
    void newPatientWithTeam() {
        patient = Users.newPatient();
        careTeams.assignStandardTeam(patient);
    }

    @Test
    void negativeOrZeroDose() {
        refused(order -> order.put("dose", Map.of("amount", -10, "unit", "mg")), "dose.amount");
        refused(order -> order.put("dose", Map.of("amount", 0, "unit", "mg")), "dose.amount");
        refused(order -> order.put("dose", Map.of("amount", 1.23456, "unit", "mg")), "dose.amount");
    }

    @Test
    void unknownUnitDrugClassOrFrequency() {
        refused(order -> order.put("dose", Map.of("amount", 10, "unit", "tablets")), "dose.unit");
        refused(order -> order.put("medication", Map.of("name", "X", "drugClass", "OPIOID")), "medication.drugClass");
        refused(order -> order.put("frequency", "HOURLY"), "frequency");
    }

    @Test
    void refillsOutOfRange() {
        refused(order -> order.put("refillsAllowed", 13), "refillsAllowed");
        refused(order -> order.put("refillsAllowed", -1), "refillsAllowed");
    }

    @Test
    void missingOrMalformedFields() {
        refused(order -> order.remove("startDate"), "startDate");
        refused(order -> order.put("startDate", "2026-13-40"), "startDate");
        refused(order -> order.put("medication", Map.of("name", "", "drugClass", "SSRI")), "medication.name");
        refused(order -> order.put("medication", Map.of("name", "Sertraline\nDROP", "drugClass", "SSRI")),
                "medication.name");
        refused(order -> order.remove("patientId"), "patientId");
    }

    @Test
    void severalErrorsAreListedTogether() {
        Map<String, Object> order = Api.order(patient, "Sertraline", "SSRI");
        order.put("dose", Map.of("amount", -1, "unit", "mg"));
        order.put("refillsAllowed", 20);
        as(Users.psychiatrist(Users.PRIYA)).body(order).post("/api/prescriptions").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("dose.amount", "refillsAllowed"));
    }

    @Test
    void notJsonAtAll() {
        as(Users.psychiatrist(Users.PRIYA)).body("{\"patientId\": ").post("/api/prescriptions").then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void aJsonBodySentAsAnotherMediaTypeAnswers415AndChangesNothing() {
        String id = Api.prescribe(patient, "Sertraline", "SSRI");
        String body = "{\"reason\": \"Side effects\"}";
        for (String path : new String[] { "/api/prescriptions/{id}/discontinue", "/api/prescriptions/{id}/dose-changes",
                "/api/refill-requests/{id}/approve", "/api/refill-requests/{id}/deny" }) {
            as(Users.psychiatrist(Users.PRIYA)).contentType("text/plain").body(body).post(path, id).then()
                    .statusCode(415)
                    .contentType("application/problem+json");
        }
        for (String path : new String[] { "/api/prescriptions/{id}/check-ins", "/api/prescriptions/{id}/side-effects" }) {
            as(Users.patient(patient)).contentType("text/plain").body("{}").post(path, id).then()
                    .statusCode(415)
                    .contentType("application/problem+json");
        }
        as(Users.psychiatrist(Users.PRIYA)).get("/api/prescriptions/{id}", id).then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        as(Users.patient(patient)).get("/api/prescriptions/{id}/side-effects", id).then()
                .statusCode(200)
                .body("$", empty());

        Map<String, Object> order = Api.order(patient, "Bupropion", "NDRI");
        as(Users.psychiatrist(Users.PRIYA)).contentType("text/plain").body("{\"patientId\": \"" + patient + "\"}")
                .post("/api/prescriptions").then()
                .statusCode(415)
                .contentType("application/problem+json");
        assertThat(PrescribingAccessTest.stored(patient)).isEqualTo(1);
        // A charset parameter is still JSON.
        as(Users.psychiatrist(Users.PRIYA)).contentType("application/json; charset=utf-8").body(order)
                .post("/api/prescriptions").then()
                .statusCode(201);
    }

    @Test
    void sideEffectOutsideTheSymptomListOrWithoutSeverity() {
        String id = Api.prescribe(patient, "Sertraline", "SSRI");
        as(Users.patient(patient)).body(Map.of("symptom", "my head is spinning since Tuesday", "severity", "MILD"))
                .post("/api/prescriptions/{id}/side-effects", id).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("symptom"));
        as(Users.patient(patient)).body(Map.of("symptom", "nausea", "severity", "TERRIBLE"))
                .post("/api/prescriptions/{id}/side-effects", id).then()
                .statusCode(400)
                .body("errors.field", contains("severity"));
        as(Users.patient(patient)).get("/api/prescriptions/{id}/side-effects", id).then()
                .statusCode(200)
                .body("$", empty());
    }

    private void refused(Consumer<Map<String, Object>> spoil, String field) {
        Map<String, Object> order = Api.order(patient, "Sertraline", "SSRI");
        spoil.accept(order);
        as(Users.psychiatrist(Users.PRIYA)).body(order).post("/api/prescriptions").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems(field));
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(PrescribingAccessTest.stored(patient)).isZero();
        assertThat(SafetyChecksTest.eventsAbout(patient)).isZero();
    }
}
