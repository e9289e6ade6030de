package org.careweave.careplan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.careweave.careplan.domain.CarePlan;
import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.Topics;
import org.careweave.platform.events.chat.RiskFlagRaised;
import org.careweave.platform.events.prescription.DoseChanged;
import org.careweave.platform.events.prescription.DoseCheckInRecorded;
import org.careweave.platform.events.prescription.PrescriptionIssued;
import org.careweave.platform.events.prescription.SideEffectReported;
import org.careweave.platform.events.therapy.AssessmentScored;
import org.careweave.platform.events.therapy.SessionCompleted;
import org.careweave.platform.events.therapy.SessionScheduled;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.careweave.platform.testing.TestEventProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.path.json.JsonPath;

/** The timeline, caseload, urgent flags and review trigger, built from events the test publishes to Kafka. */
@QuarkusTest
class CareTimelineTest {

    @OidcWireMock
    WireMockServer keycloak;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    private TestEventProducer events;

    @BeforeEach
    void setUp() {
        RealmStub.install(keycloak);
        events = new TestEventProducer(bootstrap, mapper);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void theTimelineShowsEveryServicesEventsInTimeOrderWithMeasurementBasedCare() {
        String therapist = Tokens.newId();
        RealmStub.user(keycloak, therapist, "therapist");
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient); // PHQ-9 baseline 8
        CarePlanResourceTest.assignTeam(planId, therapist, Tokens.PRIYA).statusCode(200);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String prescription = Tokens.newId();

        events.publish("therapy-service", new SessionScheduled(patient, "s1", therapist, start.plusSeconds(60), 50,
                "CBT", "VIDEO", null));
        events.publish("therapy-service", new SessionCompleted(patient, "s1", therapist, start.plusSeconds(3600),
                420, true));
        events.publish("therapy-service", new AssessmentScored(patient, "a1", "PHQ9", 4, "MINIMAL", false, "s1",
                start.plusSeconds(3700)));
        events.publish("prescription-service", new PrescriptionIssued(patient, prescription, Tokens.PRIYA,
                "Sertraline", "SSRI", new BigDecimal("50"), "MG", "ONCE_DAILY", LocalDate.now()));
        events.publish("prescription-service", new DoseChanged(patient, prescription, Tokens.PRIYA,
                new BigDecimal("50"), "MG", new BigDecimal("12.5"), "MG"));
        for (String status : List.of("TAKEN", "TAKEN", "TAKEN", "MISSED")) {
            events.publish("prescription-service", new DoseCheckInRecorded(patient, prescription, status,
                    "TAKEN".equals(status) ? Instant.now() : null));
        }
        events.publish("prescription-service", new SideEffectReported(patient, prescription, "NAUSEA", "SEVERE"));
        events.publish("chat-service", new RiskFlagRaised(patient, Tokens.newId(), "HIGH", "ACTIVE_THOUGHTS", Instant.now()));

        JsonPath timeline = await().atMost(Duration.ofSeconds(30)).until(() -> timeline(patient, planId),
                t -> t.getList("kind").contains("RISK_FLAG_RAISED") && t.getList("kind").size() >= 15);

        List<String> kinds = timeline.getList("kind");
        assertThat(kinds).contains("PLAN_CREATED", "CARE_TEAM_CHANGED", "SESSION_SCHEDULED", "SESSION_COMPLETED",
                "ASSESSMENT_SCORED", "PRESCRIPTION_ISSUED", "DOSE_CHANGED", "DOSE_CHECK_IN", "SIDE_EFFECT_REPORTED",
                "RISK_FLAG_RAISED", "URGENT_FLAG_RAISED");
        List<String> times = timeline.getList("occurredAt");
        assertThat(times.stream().map(Instant::parse).toList()).isSorted();
        assertThat(timeline.getString("find { it.kind == 'ASSESSMENT_SCORED' }.summary"))
                .isEqualTo("PHQ-9 scored 4 (minimal), down 50% from baseline 8: remission");
        assertThat(timeline.getBoolean("find { it.kind == 'ASSESSMENT_SCORED' }.details.response")).isTrue();
        assertThat(timeline.getBoolean("find { it.kind == 'ASSESSMENT_SCORED' }.details.remission")).isTrue();
        assertThat(timeline.getString("find { it.kind == 'ASSESSMENT_SCORED' }.details.trend")).isEqualTo("IMPROVING");
        assertThat(timeline.getString("find { it.kind == 'DOSE_CHANGED' }.summary"))
                .isEqualTo("Dose changed from 50 MG to 12.5 MG");
        assertThat(timeline.getList("findAll { it.kind == 'URGENT_FLAG_RAISED' }.details.source"))
                .containsExactlyInAnyOrder("SEVERE_SIDE_EFFECT", "CHAT_RISK");

        given().auth().oauth2(Tokens.therapist(therapist)).get("/api/providers/me/caseload").then()
                .statusCode(200)
                .body("patientId", contains(patient))
                .body("[0].roles", contains("THERAPIST"))
                .body("[0].lastSessionAt", equalTo(start.plusSeconds(3600).toString()))
                .body("[0].phq9.latest", equalTo(4))
                .body("[0].phq9.baseline", equalTo(8))
                .body("[0].phq9.changeFromBaselinePercent", equalTo(-50))
                .body("[0].phq9.trend", equalTo("IMPROVING"))
                .body("[0].phq9.remission", equalTo(true))
                .body("[0].adherence30Days.percent", equalTo(75))
                .body("[0].openUrgentFlags", hasSize(2));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);
        CloudEvent completed = CloudEvent.of("/careweave/therapy-service",
                new SessionCompleted(patient, "s-dup", Tokens.THEO, Instant.now(), 0, false), mapper);

        events.send(completed);
        events.send(completed);
        events.publish("therapy-service", new SessionScheduled(patient, "s-next", Tokens.THEO,
                Instant.now().plusSeconds(86400), 50, "CBT", "VIDEO", null));

        JsonPath timeline = await().atMost(Duration.ofSeconds(30)).until(() -> timeline(patient, planId),
                t -> t.getList("kind").contains("SESSION_SCHEDULED"));
        assertThat(timeline.getList("findAll { it.kind == 'SESSION_COMPLETED' }")).hasSize(1);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndLaterEventsStillArrive() {
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);
        String poison = "{\"specversion\":\"1.0\",\"poison\":\"" + patient + "\"}";

        events.sendRaw(Topics.PRESCRIPTION, patient, poison);
        events.publish("prescription-service", new SideEffectReported(patient, Tokens.newId(), "HEADACHE", "MILD"));

        try (TestKafkaConsumer kafka = new TestKafkaConsumer(bootstrap, Topics.dlq(Topics.PRESCRIPTION))) {
            kafka.awaitRecords(Topics.dlq(Topics.PRESCRIPTION), r -> r.value().contains(patient),
                    Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(patient, planId),
                t -> t.getList("kind").contains("SIDE_EFFECT_REPORTED"));
    }

    @Test
    void urgentPatientsComeFirstInTheCaseload() {
        String therapist = Tokens.newId();
        RealmStub.user(keycloak, therapist, "therapist");
        // The calm patient's id sorts first, so only the flag can put the urgent one on top.
        String calm = "00000000" + Tokens.newId().substring(8);
        String urgent = "ffffffff" + Tokens.newId().substring(8);
        CarePlanResourceTest.assignTeam(Intakes.planFor(calm), therapist, null).statusCode(200);
        CarePlanResourceTest.assignTeam(Intakes.planFor(urgent), therapist, null).statusCode(200);

        events.publish("therapy-service", new AssessmentScored(urgent, "a-risk", "PHQ9", 9, "MILD", true, null,
                Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.therapist(therapist))
                .get("/api/providers/me/caseload").then().statusCode(200)
                .body("patientId", contains(urgent, calm))
                .body("[0].openUrgentFlags[0].source", equalTo("ASSESSMENT_SELF_HARM")));
        given().auth().oauth2(Tokens.patient(urgent)).get("/api/providers/me/caseload").then().statusCode(403);
        given().get("/api/providers/me/caseload").then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).queryParam("patientId", urgent).get("/api/audit-entries").then()
                .body("findAll { it.resourceType == 'caseload' }.action", hasItem("read"));
    }

    @Test
    void noResponseAfterTheConfiguredWeeksOfASingleModalityPlanAsksTheTeamToReview() {
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient); // therapy only, PHQ-9 baseline 8
        given().auth().oauth2(Tokens.coordinator()).post("/api/care-plans/" + planId + "/activate").then()
                .statusCode(200);
        backdateModality(planId, Duration.ofDays(7 * 9));

        events.publish("therapy-service", new AssessmentScored(patient, "a-9w", "PHQ9", 7, "MILD", false, null,
                Instant.now()));
        events.publish("therapy-service", new AssessmentScored(patient, "a-9w-again", "PHQ9", 6, "MILD", false, null,
                Instant.now()));

        try (TestKafkaConsumer kafka = new TestKafkaConsumer(bootstrap, Topics.CAREPLAN)) {
            var records = kafka.awaitRecords(Topics.CAREPLAN,
                    r -> r.value().contains("careweave.careplan.review.requested.v1") && r.value().contains(planId),
                    Duration.ofSeconds(30));
            assertThat(records.get(0).key()).isEqualTo(patient);
            assertThat(records.get(0).value()).contains("NO_RESPONSE", "PHQ-9 8 at baseline, 7 now after 9 weeks",
                    "review adding medication");
        }
        JsonPath timeline = await().atMost(Duration.ofSeconds(30)).until(() -> timeline(patient, planId),
                t -> t.getList("findAll { it.kind == 'ASSESSMENT_SCORED' }").size() == 2);
        assertThat(timeline.getList("findAll { it.kind == 'REVIEW_REQUESTED' }")).hasSize(1);
    }

    @Test
    void aRespondingOrYoungPlanIsNotSentForReview() {
        String responding = Tokens.newId();
        String respondingPlan = Intakes.planFor(responding);
        given().auth().oauth2(Tokens.coordinator()).post("/api/care-plans/" + respondingPlan + "/activate").then()
                .statusCode(200);
        backdateModality(respondingPlan, Duration.ofDays(7 * 9));
        String young = Tokens.newId();
        String youngPlan = Intakes.planFor(young);
        given().auth().oauth2(Tokens.coordinator()).post("/api/care-plans/" + youngPlan + "/activate").then()
                .statusCode(200);
        backdateModality(youngPlan, Duration.ofDays(7 * 7));

        events.publish("therapy-service", new AssessmentScored(responding, "a-r", "PHQ9", 4, "MINIMAL", false, null,
                Instant.now()));
        events.publish("therapy-service", new AssessmentScored(young, "a-y", "PHQ9", 8, "MILD", false, null,
                Instant.now()));

        for (String[] p : List.of(new String[] { responding, respondingPlan }, new String[] { young, youngPlan })) {
            JsonPath timeline = await().atMost(Duration.ofSeconds(30)).until(() -> timeline(p[0], p[1]),
                    t -> t.getList("kind").contains("ASSESSMENT_SCORED"));
            assertThat(timeline.getList("kind")).doesNotContain("REVIEW_REQUESTED");
        }
    }

    @Test
    void theTimelineIsForThePatientAndTheirTeamOnly() {
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);
        given().auth().oauth2(Tokens.patient(patient)).get("/api/care-plans/" + planId + "/timeline").then()
                .statusCode(200).body("kind", hasItem("PLAN_CREATED"));
        given().auth().oauth2(Tokens.patient(Tokens.newId())).get("/api/care-plans/" + planId + "/timeline").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.psychiatrist(Tokens.PRIYA)).get("/api/care-plans/" + planId + "/timeline")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/api/care-plans/" + planId + "/timeline").then().statusCode(403);
        given().get("/api/care-plans/" + planId + "/timeline").then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).queryParam("patientId", patient).get("/api/audit-entries").then()
                .body("findAll { it.resourceType == 'care-timeline' }.outcome", hasItem("SUCCESS"));
    }

    private static JsonPath timeline(String patient, String planId) {
        return given().auth().oauth2(Tokens.patient(patient)).get("/api/care-plans/" + planId + "/timeline").then()
                .statusCode(200).extract().jsonPath();
    }

    private static void backdateModality(String planId, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> CarePlan.update("modalitySince = ?1 where id = ?2",
                Instant.now().minus(ago), UUID.fromString(planId)));
    }
}
