package org.careweave.prescription.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careweave.prescription.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.careweave.prescription.Api;
import org.careweave.prescription.CareTeams;
import org.careweave.prescription.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Text with NUL and dates PostgreSQL cannot store answer 400 and store nothing; prescriptions come in pages. */
@QuarkusTest
class StorableInputAndPagingTest {

    @Inject
    CareTeams careTeams;

    String patient;

    @BeforeEach
    void newPatientWithTeam() {
        patient = Users.newPatient();
        careTeams.assignStandardTeam(patient);
    }

    @Test
    void aNulInInstructionsAnswers400AndStoresNothing() {
        Map<String, Object> order = Api.order(patient, "Sertraline", "SSRI");
        order.put("instructions", "with food\u0000");
        as(Users.psychiatrist(Users.PRIYA)).body(order).post("/api/prescriptions").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("instructions"));
        assertThat(PrescribingAccessTest.stored(patient)).isZero();
    }

    @Test
    void aStartDateInTheYear300000Answers400AndStoresNothing() {
        Map<String, Object> order = Api.order(patient, "Sertraline", "SSRI");
        order.put("startDate", "+300000-01-01");
        as(Users.psychiatrist(Users.PRIYA)).body(order).post("/api/prescriptions").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("startDate"));
        assertThat(PrescribingAccessTest.stored(patient)).isZero();
    }

    @Test
    void prescriptionsComeInCappedPages() {
        String lamotrigine = Api.prescribe(patient, "Lamotrigine", "MOOD_STABILIZER");
        String mirtazapine = Api.prescribe(patient, "Mirtazapine", "OTHER");
        as(Users.patient(patient)).get("/api/prescriptions?patientId={p}&limit=1", patient).then()
                .statusCode(200)
                .body("id", contains(mirtazapine))
                .header("Link", containsString("page=1"));
        as(Users.patient(patient)).get("/api/prescriptions?patientId={p}&limit=1&page=1", patient).then()
                .statusCode(200)
                .body("id", contains(lamotrigine))
                .header("Link", nullValue());
        as(Users.patient(patient)).get("/api/prescriptions?patientId={p}", patient).then()
                .statusCode(200)
                .body("", hasSize(2));
        for (String limit : List.of("0", "501", "many")) {
            as(Users.patient(patient)).get("/api/prescriptions?patientId={p}&limit={l}", patient, limit).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("limit"));
        }
    }
}
