package org.careweave.prescription.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careweave.prescription.Api.as;
import static org.careweave.prescription.EventAssertions.awaitEvent;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.careweave.platform.events.EventCatalog;
import org.careweave.platform.events.Topics;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.careweave.prescription.Api;
import org.careweave.prescription.CareTeams;
import org.careweave.prescription.Users;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every prescription event reaches prescription.events as a CloudEvent that fits the published schemas, keyed by
 * the patient, and carries no reason, instruction or patient note.
 */
@QuarkusTest
class PrescriptionEventsTest {

    static final String NOTE = "private words about how I feel";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    CareTeams careTeams;

    TestKafkaConsumer consumer;
    String patient;

    @BeforeEach
    void setUp() {
        consumer = new TestKafkaConsumer(bootstrap, Topics.PRESCRIPTION);
        patient = Users.newPatient();
        careTeams.assignStandardTeam(patient);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void issuedDoseChangedAndDiscontinued() {
        Map<String, Object> order = Api.order(patient, "Sertraline", "SSRI");
        order.put("dose", Map.of("amount", 12.5, "unit", "mg"));
        String id = Api.prescribe(order);
        JsonNode issued = awaitEvent(consumer, EventCatalog.PRESCRIPTION_ISSUED, patient,
                data -> id.equals(data.path("prescriptionId").asText())).get("data");
        assertThat(issued.get("prescriberId").asText()).isEqualTo(Users.PRIYA);
        assertThat(issued.get("medicationName").asText()).isEqualTo("Sertraline");
        assertThat(issued.get("drugClass").asText()).isEqualTo("SSRI");
        assertThat(issued.get("doseAmount").asText()).isEqualTo("12.5");
        assertThat(issued.get("doseUnit").asText()).isEqualTo("mg");
        assertThat(issued.get("frequency").asText()).isEqualTo("ONCE_DAILY");
        assertThat(issued.toString()).doesNotContain("Take with food");

        as(Users.psychiatrist(Users.PRIYA)).body(Map.of("amount", 25, "unit", "mg", "reason", "titration plan"))
                .post("/api/prescriptions/{id}/dose-changes", id).then().statusCode(200);
        JsonNode changed = awaitEvent(consumer, EventCatalog.DOSE_CHANGED, patient,
                data -> id.equals(data.path("prescriptionId").asText())).get("data");
        assertThat(changed.get("previousAmount").asText()).isEqualTo("12.5");
        assertThat(changed.get("amount").asText()).isEqualTo("25");
        assertThat(changed.toString()).doesNotContain("titration plan");

        as(Users.psychiatrist(Users.PRIYA)).body(Map.of("reason", "intolerable nausea"))
                .post("/api/prescriptions/{id}/discontinue", id).then().statusCode(200);
        JsonNode stopped = awaitEvent(consumer, EventCatalog.PRESCRIPTION_DISCONTINUED, patient,
                data -> id.equals(data.path("prescriptionId").asText())).get("data");
        assertThat(stopped.get("prescriberId").asText()).isEqualTo(Users.PRIYA);
        assertThat(stopped.toString()).doesNotContain("nausea");
    }

    @Test
    void refillRequestedAndDecided() {
        String id = Api.prescribe(patient, "Lamotrigine", "MOOD_STABILIZER");
        String approved = as(Users.patient(patient)).post("/api/prescriptions/{id}/refill-requests", id).then()
                .statusCode(201).extract().path("id");
        awaitEvent(consumer, EventCatalog.REFILL_REQUESTED, patient,
                data -> approved.equals(data.path("refillRequestId").asText()));
        as(Users.psychiatrist(Users.PRIYA)).post("/api/refill-requests/{id}/approve", approved).then().statusCode(200);
        JsonNode decision = awaitEvent(consumer, EventCatalog.REFILL_DECIDED, patient,
                data -> approved.equals(data.path("refillRequestId").asText())).get("data");
        assertThat(decision.get("approved").asBoolean()).isTrue();
        assertThat(decision.get("decidedBy").asText()).isEqualTo(Users.PRIYA);

        String denied = as(Users.patient(patient)).post("/api/prescriptions/{id}/refill-requests", id).then()
                .statusCode(201).extract().path("id");
        as(Users.psychiatrist(Users.PRIYA)).body(Map.of("reason", "see me first"))
                .post("/api/refill-requests/{id}/deny", denied).then().statusCode(200);
        JsonNode denial = awaitEvent(consumer, EventCatalog.REFILL_DECIDED, patient,
                data -> denied.equals(data.path("refillRequestId").asText())).get("data");
        assertThat(denial.get("approved").asBoolean()).isFalse();
        assertThat(denial.toString()).doesNotContain("see me first");
    }

    @Test
    void checkInsCarryNoNoteAndAMissedDoseNoTime() {
        String id = Api.prescribe(patient, "Mirtazapine", "OTHER");
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String takenAt = yesterday.atTime(8, 0).atOffset(ZoneOffset.UTC).toString();
        as(Users.patient(patient)).body(Map.of("status", "TAKEN", "takenAt", takenAt, "note", NOTE))
                .post("/api/prescriptions/{id}/check-ins", id).then().statusCode(201).body("note", equalTo(NOTE));
        JsonNode taken = awaitEvent(consumer, EventCatalog.DOSE_CHECK_IN_RECORDED, patient,
                data -> "TAKEN".equals(data.path("status").asText()));
        assertThat(taken.get("data").get("takenAt").asText()).isEqualTo(yesterday + "T08:00:00Z");
        assertThat(taken.toString()).doesNotContain(NOTE);

        String dayBefore = yesterday.minusDays(1).atTime(8, 0).atOffset(ZoneOffset.UTC).toString();
        as(Users.patient(patient)).body(Map.of("status", "MISSED", "takenAt", dayBefore, "note", NOTE))
                .post("/api/prescriptions/{id}/check-ins", id).then().statusCode(201);
        JsonNode missed = awaitEvent(consumer, EventCatalog.DOSE_CHECK_IN_RECORDED, patient,
                data -> "MISSED".equals(data.path("status").asText()));
        assertThat(missed.get("data").path("takenAt").isNull() || missed.get("data").path("takenAt").isMissingNode())
                .isTrue();
        assertThat(missed.toString()).doesNotContain(NOTE);
    }

    @Test
    void aSevereSideEffectIsPublishedForTheCarePlansUrgentFlag() {
        String id = Api.prescribe(patient, "Clozapine", "ATYPICAL_ANTIPSYCHOTIC");
        as(Users.patient(patient)).body(Map.of("symptom", "fever", "severity", "SEVERE", "note", NOTE))
                .post("/api/prescriptions/{id}/side-effects", id).then()
                .statusCode(201)
                .body("urgent", equalTo(true))
                .body("note", equalTo(NOTE));
        JsonNode severe = awaitEvent(consumer, EventCatalog.SIDE_EFFECT_REPORTED, patient,
                data -> "SEVERE".equals(data.path("severity").asText())).get("data");
        assertThat(severe.get("prescriptionId").asText()).isEqualTo(id);
        assertThat(severe.get("symptom").asText()).isEqualTo("fever");
        assertThat(severe.toString()).doesNotContain(NOTE);

        as(Users.patient(patient)).body(Map.of("symptom", "dry-mouth", "severity", "MILD"))
                .post("/api/prescriptions/{id}/side-effects", id).then()
                .statusCode(201)
                .body("urgent", equalTo(false));
        awaitEvent(consumer, EventCatalog.SIDE_EFFECT_REPORTED, patient,
                data -> "MILD".equals(data.path("severity").asText()));
        as(Users.psychiatrist(Users.PRIYA)).get("/api/prescriptions/{id}/side-effects", id).then()
                .statusCode(200)
                .body("symptom", containsInAnyOrder("fever", "dry-mouth"));
    }
}
