package org.careweave.prescription.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careweave.prescription.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import jakarta.inject.Inject;

import org.careweave.platform.audit.AuditEntry;
import org.careweave.platform.events.careplan.CareTeamChanged;
import org.careweave.prescription.Api;
import org.careweave.prescription.CareTeams;
import org.careweave.prescription.Users;
import org.careweave.prescription.domain.Prescription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Only the prescribing psychiatrist on the care team prescribes; only the patient and their team read. */
@QuarkusTest
class PrescribingAccessTest {

    @Inject
    CareTeams careTeams;

    String patient;

    @BeforeEach
    void newPatientWithTeam() {
        patient = Users.newPatient();
        careTeams.assignStandardTeam(patient);
    }

    @Test
    void prescriberOnTheTeamPrescribesAndTheWriteIsAudited() {
        String id = as(Users.psychiatrist(Users.PRIYA)).body(Api.order(patient, "Sertraline", "SSRI"))
                .post("/api/prescriptions").then()
                .statusCode(201)
                .body("patientId", equalTo(patient))
                .body("prescriberId", equalTo(Users.PRIYA))
                .body("status", equalTo("ACTIVE"))
                .body("medication.name", equalTo("Sertraline"))
                .body("medication.drugClass", equalTo("SSRI"))
                .body("dose.amount", equalTo(50))
                .body("dose.unit", equalTo("mg"))
                .body("refillsRemaining", equalTo(2))
                .body("safetyNote", equalTo(PrescriptionResponse.SAFETY_NOTE))
                .extract().path("id");
        assertThat(PrescriptionResponse.SAFETY_NOTE).contains("support, never replace, clinical judgement");
        assertThat(audits(Users.PRIYA, patient, "PRESCRIBE", "SUCCESS")).isEqualTo(1);
        as(Users.patient(patient)).get("/api/prescriptions/{id}", id).then().statusCode(200);
    }

    @Test
    void therapistPatientCoordinatorAndAdminMayNotPrescribe() {
        for (String token : List.of(Users.therapist(Users.THEO), Users.patient(patient),
                Users.coordinator(Users.CORA), Users.admin(Users.ADAM))) {
            as(token).body(Api.order(patient, "Sertraline", "SSRI")).post("/api/prescriptions").then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        assertThat(stored(patient)).isZero();
    }

    @Test
    void psychiatristNotOnTheTeamGets403AndTheRefusalIsAudited() {
        as(Users.psychiatrist(Users.OTHER_PSYCHIATRIST)).body(Api.order(patient, "Sertraline", "SSRI"))
                .post("/api/prescriptions").then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(stored(patient)).isZero();
        assertThat(audits(Users.OTHER_PSYCHIATRIST, patient, "PRESCRIBE", "DENIED")).isEqualTo(1);
    }

    @Test
    void psychiatristOnTheTeamAsTherapistIsNotThePrescriber() {
        String other = Users.newPatient();
        careTeams.assign(other, List.of(new CareTeamChanged.Member(Users.PRIYA, "THERAPIST")));
        as(Users.psychiatrist(Users.PRIYA)).body(Api.order(other, "Sertraline", "SSRI"))
                .post("/api/prescriptions").then()
                .statusCode(403);
        assertThat(stored(other)).isZero();
    }

    @Test
    void prescriberRemovedFromTheTeamNoLongerPrescribes() {
        careTeams.assign(patient, List.of(new CareTeamChanged.Member(Users.THEO, "THERAPIST")));
        as(Users.psychiatrist(Users.PRIYA)).body(Api.order(patient, "Sertraline", "SSRI"))
                .post("/api/prescriptions").then()
                .statusCode(403);
    }

    @Test
    void patientAndTeamReadThePrescriptionsOthersGet404() {
        String id = Api.prescribe(patient, "Sertraline", "SSRI");
        for (String token : List.of(Users.patient(patient), Users.therapist(Users.THEO),
                Users.psychiatrist(Users.PRIYA), Users.coordinator(Users.CORA))) {
            as(token).get("/api/prescriptions/{id}", id).then().statusCode(200).body("id", equalTo(id));
            as(token).queryParam("patientId", patient).get("/api/prescriptions").then()
                    .statusCode(200)
                    .body("id", contains(id));
        }
        String otherPatient = Users.newPatient();
        for (String token : List.of(Users.patient(otherPatient), Users.therapist("therapist-elsewhere"),
                Users.psychiatrist(Users.OTHER_PSYCHIATRIST))) {
            as(token).get("/api/prescriptions/{id}", id).then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            as(token).queryParam("patientId", patient).get("/api/prescriptions").then().statusCode(404);
            as(token).get("/api/prescriptions/{id}/adherence", id).then().statusCode(404);
        }
        assertThat(audits(otherPatient, patient, "READ", "DENIED")).isEqualTo(1);
        assertThat(audits(patient, patient, "READ", "SUCCESS")).isEqualTo(1);
    }

    @Test
    void listFiltersByStatus() {
        String active = Api.prescribe(patient, "Sertraline", "SSRI");
        String stopped = Api.prescribe(patient, "Lithium", "MOOD_STABILIZER");
        as(Users.psychiatrist(Users.PRIYA)).body("{\"reason\":\"stable\"}")
                .post("/api/prescriptions/{id}/discontinue", stopped).then().statusCode(200);
        as(Users.patient(patient)).queryParam("patientId", patient).queryParam("status", "ACTIVE")
                .get("/api/prescriptions").then().statusCode(200).body("id", contains(active));
        as(Users.patient(patient)).queryParam("patientId", patient).queryParam("status", "DISCONTINUED")
                .get("/api/prescriptions").then().statusCode(200).body("id", contains(stopped));
        as(Users.patient(patient)).queryParam("patientId", patient)
                .get("/api/prescriptions").then().statusCode(200).body("$", hasSize(2));
        as(Users.patient(patient)).queryParam("patientId", patient).queryParam("status", "PAUSED")
                .get("/api/prescriptions").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void theApiDocumentationSaysTheChecksSupportClinicalJudgement() {
        RestAssured.given().get("/q/openapi").then()
                .statusCode(200)
                .body(containsString("The safety checks support, never replace, clinical judgement."));
    }

    @Test
    void missingTokenAnswers401() {
        RestAssured.given().get("/api/prescriptions?patientId=" + patient).then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    static long stored(String patientId) {
        return QuarkusTransaction.requiringNew().call(() -> Prescription.count("patientId", patientId));
    }

    static long audits(String subject, String patientId, String action, String outcome) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "subject = ?1 and patientId = ?2 and action = ?3 and outcome = ?4", subject, patientId, action,
                outcome));
    }
}
