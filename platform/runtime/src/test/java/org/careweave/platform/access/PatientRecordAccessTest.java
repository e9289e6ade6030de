package org.careweave.platform.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.careweave.platform.audit.AuditEntry;
import org.careweave.platform.careteam.CareTeamDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The care-team directory is fed from Kafka; only the patient, their team and coordinators get in. */
@QuarkusTest
class PatientRecordAccessTest {

    static final String PATIENT = "patient-access-1";
    static final String THERAPIST_ON_TEAM = "therapist-on-team";

    @Inject
    CareTeamDirectory directory;

    @BeforeEach
    void assignTeamThroughKafka() {
        if (onTeam()) {
            return;
        }
        // Published through the outbox, relayed to careplan.events, consumed into this service's directory.
        given().post("/test/patients/{p}/care-team/{t}", PATIENT, THERAPIST_ON_TEAM).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(this::onTeam);
    }

    private boolean onTeam() {
        return QuarkusTransaction.requiringNew().call(() -> directory.isMember(THERAPIST_ON_TEAM, PATIENT));
    }

    @Test
    @TestSecurity(user = THERAPIST_ON_TEAM, roles = Roles.THERAPIST)
    void therapistOnTheCareTeamReadsTheRecord() {
        given().get("/test/patients/{p}/record", PATIENT).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "therapist-elsewhere", roles = Roles.THERAPIST)
    void providerNotOnTheCareTeamIsRefusedWithoutLearningTheRecordExists() {
        given().get("/test/patients/{p}/record", PATIENT).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        long denied = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "subject = ?1 and patientId = ?2 and outcome = 'DENIED'", "therapist-elsewhere", PATIENT));
        assertThat(denied).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = PATIENT, roles = Roles.PATIENT)
    void patientReadsTheirOwnRecordAndTheReadIsAudited() {
        given().get("/test/patients/{p}/record", PATIENT).then().statusCode(200);
        long reads = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "subject = ?1 and patientId = ?1 and action = 'READ' and outcome = 'SUCCESS' and role = 'patient'",
                PATIENT));
        assertThat(reads).isGreaterThanOrEqualTo(1);
    }

    @Test
    @TestSecurity(user = "another-patient", roles = Roles.PATIENT)
    void anotherPatientIsRefused() {
        given().get("/test/patients/{p}/record", PATIENT).then().statusCode(404);
    }
}
