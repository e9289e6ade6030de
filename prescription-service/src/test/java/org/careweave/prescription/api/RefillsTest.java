package org.careweave.prescription.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careweave.prescription.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.careweave.prescription.Api;
import org.careweave.prescription.CareTeams;
import org.careweave.prescription.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The patient asks, the prescriber decides; never more approvals than the prescription allows. */
@QuarkusTest
class RefillsTest {

    @Inject
    CareTeams careTeams;

    String patient;

    @BeforeEach
    void newPatientWithTeam() {
        patient = Users.newPatient();
        careTeams.assignStandardTeam(patient);
    }

    @Test
    void approvalsStopAtRefillsAllowed() {
        String prescription = prescribeWithRefills(2);
        approve(request(prescription)).then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo(Users.PRIYA));
        approve(request(prescription)).then().statusCode(200);
        as(Users.patient(patient)).post("/api/prescriptions/{id}/refill-requests", prescription).then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(Users.patient(patient)).get("/api/prescriptions/{id}", prescription).then()
                .body("refillsApproved", equalTo(2))
                .body("refillsRemaining", equalTo(0));
    }

    @Test
    void aPendingRequestCannotBeApprovedBeyondTheLimitOrTwice() {
        String prescription = prescribeWithRefills(1);
        String request = request(prescription);
        approve(request).then().statusCode(200);
        approve(request).then().statusCode(409);
        as(Users.psychiatrist(Users.PRIYA)).body("{\"reason\":\"changed my mind\"}")
                .post("/api/refill-requests/{id}/deny", request).then().statusCode(409);
        as(Users.patient(patient)).get("/api/prescriptions/{id}", prescription).then()
                .body("refillsApproved", equalTo(1));
    }

    @Test
    void aDenialNeedsAReasonAndUsesNoRefill() {
        String prescription = prescribeWithRefills(1);
        String first = request(prescription);
        as(Users.psychiatrist(Users.PRIYA)).body("{}").post("/api/refill-requests/{id}/deny", first).then()
                .statusCode(400)
                .body("errors.field", contains("reason"));
        as(Users.psychiatrist(Users.PRIYA)).body("{\"reason\":\"needs a review appointment first\"}")
                .post("/api/refill-requests/{id}/deny", first).then()
                .statusCode(200)
                .body("status", equalTo("DENIED"))
                .body("decisionReason", equalTo("needs a review appointment first"));
        approve(request(prescription)).then().statusCode(200);
        as(Users.patient(patient)).get("/api/prescriptions/{id}/refill-requests", prescription).then()
                .statusCode(200)
                .body("status", contains("DENIED", "APPROVED"));
    }

    @Test
    void twoApprovalsAtOnceUseOneRefill() throws Exception {
        String prescription = prescribeWithRefills(1);
        String request = request(prescription);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(() -> approve(request).statusCode());
            Future<Integer> second = pool.submit(() -> approve(request).statusCode());
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        as(Users.patient(patient)).get("/api/prescriptions/{id}", prescription).then()
                .body("refillsApproved", equalTo(1));
    }

    @Test
    void oneRequestWaitsAtATime() {
        String prescription = prescribeWithRefills(3);
        request(prescription);
        as(Users.patient(patient)).post("/api/prescriptions/{id}/refill-requests", prescription).then()
                .statusCode(409);
    }

    @Test
    void aDiscontinuedPrescriptionTakesNoRequestAndAPendingOneCannotBeApproved() {
        String prescription = prescribeWithRefills(3);
        String pending = request(prescription);
        as(Users.psychiatrist(Users.PRIYA)).body("{\"reason\":\"switching\"}")
                .post("/api/prescriptions/{id}/discontinue", prescription).then().statusCode(200);
        as(Users.patient(patient)).post("/api/prescriptions/{id}/refill-requests", prescription).then()
                .statusCode(409)
                .contentType("application/problem+json");
        approve(pending).then().statusCode(409);
    }

    @Test
    void onlyThePatientRequestsAndOnlyTheTeamPrescriberDecides() {
        String prescription = prescribeWithRefills(2);
        as(Users.therapist(Users.THEO)).post("/api/prescriptions/{id}/refill-requests", prescription).then()
                .statusCode(403);
        as(Users.patient(Users.newPatient())).post("/api/prescriptions/{id}/refill-requests", prescription).then()
                .statusCode(404);
        String request = request(prescription);
        as(Users.psychiatrist(Users.OTHER_PSYCHIATRIST)).post("/api/refill-requests/{id}/approve", request).then()
                .statusCode(404);
        as(Users.therapist(Users.THEO)).post("/api/refill-requests/{id}/approve", request).then()
                .statusCode(403);
        as(Users.patient(patient)).post("/api/refill-requests/{id}/approve", request).then()
                .statusCode(403);
        as(Users.psychiatrist(Users.PRIYA)).post("/api/refill-requests/{id}/approve",
                UUID.randomUUID()).then().statusCode(404);
        as(Users.patient(patient)).get("/api/prescriptions/{id}", prescription).then()
                .body("refillsApproved", equalTo(0));
    }

    private String prescribeWithRefills(int refills) {
        Map<String, Object> order = Api.order(patient, "Bupropion", "NDRI");
        order.put("refillsAllowed", refills);
        return Api.prescribe(order);
    }

    private String request(String prescription) {
        return as(Users.patient(patient)).post("/api/prescriptions/{id}/refill-requests", prescription).then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract().path("id");
    }

    private static Response approve(String request) {
        return as(Users.psychiatrist(Users.PRIYA)).post("/api/refill-requests/{id}/approve", request);
    }
}
