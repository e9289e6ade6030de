package org.careweave.prescription.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careweave.prescription.Api.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.careweave.platform.audit.AuditEntry;
import org.careweave.platform.outbox.OutboxEvent;
import org.careweave.prescription.Api;
import org.careweave.prescription.CareTeams;
import org.careweave.prescription.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The checks that run before anything is stored, and the audited override of a same-class duplicate. */
@QuarkusTest
class SafetyChecksTest {

    @Inject
    CareTeams careTeams;

    String patient;

    @BeforeEach
    void newPatientWithTeam() {
        patient = Users.newPatient();
        careTeams.assignStandardTeam(patient);
    }

    @Test
    void sameMedicationWhileActiveAnswers409AndStoresNothing() {
        Api.prescribe(patient, "Sertraline", "SSRI");
        as(Users.psychiatrist(Users.PRIYA)).body(Api.order(patient, " sertraline ", "SSRI"))
                .post("/api/prescriptions").then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(PrescribingAccessTest.stored(patient)).isEqualTo(1);
        assertThat(eventsAbout(patient)).isEqualTo(1);
    }

    @Test
    void maoiWithAnActiveSsriAnswers422NamingTheConflict() {
        String ssri = Api.prescribe(patient, "Sertraline", "SSRI");
        as(Users.psychiatrist(Users.PRIYA)).body(Api.order(patient, "Phenelzine", "MAOI"))
                .post("/api/prescriptions").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", allOf(containsString("MAOI with SSRI"), containsString(ssri),
                        containsString("serotonin syndrome")));
        assertThat(PrescribingAccessTest.stored(patient)).isEqualTo(1);
    }

    @Test
    void everyMaoiRuleInTheTableIsEnforcedInBothOrders() {
        for (String other : new String[] { "SNRI", "TCA", "MAOI" }) {
            String p = Users.newPatient();
            careTeams.assignStandardTeam(p);
            Api.prescribe(p, "Tranylcypromine", "MAOI");
            as(Users.psychiatrist(Users.PRIYA)).body(Api.order(p, "Second " + other, other))
                    .post("/api/prescriptions").then()
                    .statusCode(422)
                    .body("detail", containsString(other + " with MAOI"));
        }
        Api.prescribe(patient, "Venlafaxine", "SNRI");
        as(Users.psychiatrist(Users.PRIYA)).body(Api.order(patient, "Selegiline", "MAOI"))
                .post("/api/prescriptions").then()
                .statusCode(422)
                .body("detail", containsString("MAOI with SNRI"));
    }

    @Test
    void anOverrideDoesNotLiftADangerousCombination() {
        Api.prescribe(patient, "Sertraline", "SSRI");
        Map<String, Object> order = Api.order(patient, "Phenelzine", "MAOI");
        order.put("overrideReason", "I know");
        as(Users.psychiatrist(Users.PRIYA)).body(order).post("/api/prescriptions").then().statusCode(422);
        assertThat(PrescribingAccessTest.stored(patient)).isEqualTo(1);
    }

    @Test
    void sameClassDuplicateNeedsAnOverrideReasonWhichIsStoredAndAudited() {
        Api.prescribe(patient, "Sertraline", "SSRI");
        as(Users.psychiatrist(Users.PRIYA)).body(Api.order(patient, "Fluoxetine", "SSRI"))
                .post("/api/prescriptions").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("overrideReason"));
        assertThat(PrescribingAccessTest.stored(patient)).isEqualTo(1);

        Map<String, Object> order = Api.order(patient, "Fluoxetine", "SSRI");
        order.put("overrideReason", "Cross-taper from sertraline over two weeks");
        String id = as(Users.psychiatrist(Users.PRIYA)).body(order).post("/api/prescriptions").then()
                .statusCode(201)
                .body("overrideReason", equalTo("Cross-taper from sertraline over two weeks"))
                .extract().path("id");
        assertThat(PrescribingAccessTest.audits(Users.PRIYA, patient, "SAFETY_OVERRIDE", "SUCCESS")).isEqualTo(1);
        long overrideOfThisPrescription = QuarkusTransaction.requiringNew().call(
                () -> AuditEntry.count("action = 'SAFETY_OVERRIDE' and resourceId = ?1", id));
        assertThat(overrideOfThisPrescription).isEqualTo(1);
    }

    @Test
    void otherClassesAreExemptFromTheDuplicateRule() {
        Api.prescribe(patient, "Melatonin", "OTHER");
        Api.prescribe(patient, "Omega-3", "OTHER");
        assertThat(PrescribingAccessTest.stored(patient)).isEqualTo(2);
    }

    @Test
    void aDiscontinuedPrescriptionNoLongerCountsAsActive() {
        String first = Api.prescribe(patient, "Sertraline", "SSRI");
        as(Users.psychiatrist(Users.PRIYA)).body("{\"reason\":\"restart at a lower dose\"}")
                .post("/api/prescriptions/{id}/discontinue", first).then().statusCode(200);
        String second = Api.prescribe(patient, "Sertraline", "SSRI");
        assertThat(second).isNotEqualTo(first);
        assertThat(PrescribingAccessTest.stored(patient)).isEqualTo(2);
    }

    static long eventsAbout(String patientId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("messageKey", patientId));
    }
}
