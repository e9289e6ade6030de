package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careweave.platform.events.Topics;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One patient's combined care, end to end through the gateway with real Keycloak tokens: intake, the
 * care team, a therapy session and a PHQ-9, a prescription and a dose check-in, and a crisis message —
 * each seen by the care team in the timeline, caseload or live feed, fed by real events on Kafka.
 * The steps build on each other, in order. Reruns against a kept stack reuse alice's plan.
 */
@ExtendWith(Stack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CareJourneyIT {

    static final String ALICE = "11111111-1111-4111-8111-111111111111";
    static final String THEO = "33333333-3333-4333-8333-333333333333";
    static final String PRIYA = "44444444-4444-4444-8444-444444444444";
    static final Duration PROPAGATION = Duration.ofSeconds(30);

    String planId;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).baseUri(Stack.GATEWAY);
    }

    @Test
    @Order(1)
    void intakeActivationAndCareTeam() {
        Response intake = as("alice").body(Map.of(
                "concerns", List.of("DEPRESSION"),
                "phq9Answers", List.of(2, 2, 2, 2, 2, 2, 2, 2, 0),
                "openToMedication", true,
                "prefersTalkTherapy", true,
                "sessionsPerMonthAvailable", 4,
                "monthlyBudget", 600))
                .post("/api/intakes");
        if (intake.statusCode() == 201) {
            intake.then()
                    .body("status", equalTo("PROPOSED"))
                    .body("baseline.phq9.total", equalTo(16))
                    .body("recommendation.modality", equalTo("COMBINED"));
            planId = intake.path("carePlanId");
            as("cora").post("/api/care-plans/{id}/activate", planId).then()
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"));
        } else {
            // A kept stack from an earlier run: alice already has her plan.
            intake.then().statusCode(409);
            planId = as("alice").get("/api/care-plans/mine").then().statusCode(200).extract().path("id");
        }

        as("cora").body(Map.of("therapistId", THEO, "prescriberId", PRIYA))
                .put("/api/care-plans/{id}/care-team", planId).then()
                .statusCode(200)
                .body("careTeam.therapistId", equalTo(THEO))
                .body("careTeam.prescriberId", equalTo(PRIYA));

        as("theo").get("/api/care-plans/{id}", planId).then().statusCode(200);
        as("ben").get("/api/care-plans/{id}", planId).then().statusCode(404);
    }

    @Test
    @Order(2)
    void sessionAndAssessmentReachTheCareTimelineAsValidEvents() {
        // Theo documents the session he held with Alice earlier (a late entry); a fresh random slot on each try
        // keeps reruns against a long-lived stack from clashing with an earlier run's entry.
        String sessionId = await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).until(
                () -> as("theo").body(Map.of(
                        "patientId", ALICE, "startsAt", pastSlot().toString(), "durationMinutes", 50,
                        "modality", "CBT", "format", "VIDEO", "summary", "Worked on sleep and activity planning.",
                        "privateNote", "Private: history discussed.", "homework", "Activity diary"))
                        .post("/api/therapy/sessions/late-entries"),
                // Until the therapy service has followed the care-team event, theo is not alice's therapist yet.
                r -> r.statusCode() == 201).path("id");
        as("alice").get("/api/therapy/sessions/{id}", sessionId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("lateEntry", equalTo(true));

        try (PublishedEvents therapyEvents = new PublishedEvents(Topics.THERAPY)) {
            String assessmentId = as("alice").body(Map.of("patientId", ALICE, "instrument", "PHQ9",
                    "answers", List.of(1, 1, 1, 1, 1, 1, 1, 0, 0), "sessionId", sessionId))
                    .post("/api/therapy/assessments").then()
                    .statusCode(201)
                    .body("total", equalTo(7))
                    .body("band", equalTo("MILD"))
                    .extract().path("id");

            ConsumerRecord<String, String> scored = therapyEvents.await(
                    e -> e.path("data").path("assessmentId").asText().equals(assessmentId), PROPAGATION);
            assertThat(scored.key()).isEqualTo(ALICE);
            assertThat(PublishedEvents.violations(scored.value())).isEmpty();
            assertThat(scored.value()).doesNotContain("Private: history").doesNotContain("sleep and activity");
        }

        await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> assertThat(
                Timeline.kinds(Timeline.of("theo", Stack.GATEWAY, planId)))
                .contains("SESSION_COMPLETED", "ASSESSMENT_SCORED"));
        // The private note stays with its author.
        as("priya").get("/api/therapy/sessions/{id}/note", sessionId).then().statusCode(404);
        as("theo").get("/api/therapy/sessions/{id}/note", sessionId).then().statusCode(200);
    }

    /** A whole five minutes within the last four weeks that has ended by now. */
    private static OffsetDateTime pastSlot() {
        long minutesBack = 60 + 5L * ThreadLocalRandom.current().nextInt(0, 28 * 24 * 12);
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).withMinute(0)
                .minusMinutes(minutesBack);
    }

    @Test
    @Order(3)
    void prescriptionAndCheckInReachTheTherapistsFeedAndCaseload() throws Exception {
        List<String> active = await().atMost(PROPAGATION).until(
                () -> as("priya").queryParam("patientId", ALICE).queryParam("status", "ACTIVE")
                        .get("/api/prescriptions"),
                r -> r.statusCode() == 200).jsonPath().getList("id");
        for (String id : active) {
            as("priya").body(Map.of("reason", "Restarting in the system test"))
                    .post("/api/prescriptions/{id}/discontinue", id).then().statusCode(200);
        }

        try (ProviderFeed feed = new ProviderFeed(Tokens.of("theo")).open(Duration.ofSeconds(10))) {
            long prescribedAt = System.nanoTime();
            String prescriptionId = as("priya").body(Map.of(
                    "patientId", ALICE,
                    "medication", Map.of("name", "Sertraline", "drugClass", "SSRI"),
                    "dose", Map.of("amount", 50, "unit", "mg"),
                    "frequency", "ONCE_DAILY",
                    "instructions", "Take in the morning with food",
                    "refillsAllowed", 2,
                    "startDate", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
                    .post("/api/prescriptions").then()
                    .statusCode(201)
                    .extract().path("id");

            ProviderFeed.Event issued = feed.await(e -> "PRESCRIPTION_ISSUED".equals(e.name())
                    && e.data().contains(ALICE), PROPAGATION);
            assertThat(issued.data()).contains("Sertraline");
            // A figure for the README: prescriber's write -> outbox -> Kafka -> care plan -> therapist's feed.
            System.out.printf("FIGURE prescription issued -> therapist's live feed: %d ms%n",
                    Duration.ofNanos(System.nanoTime() - prescribedAt).toMillis());

            as("alice").body(Map.of("status", "TAKEN", "takenAt", OffsetDateTime.now(ZoneOffset.UTC).toString()))
                    .post("/api/prescriptions/{id}/check-ins", prescriptionId).then().statusCode(201);
            feed.await(e -> "DOSE_CHECK_IN".equals(e.name()) && e.data().contains(ALICE), PROPAGATION);
        }

        await().atMost(PROPAGATION).untilAsserted(() -> as("theo").get("/api/providers/me/caseload").then()
                .statusCode(200)
                .body("find { it.patientId == '" + ALICE + "' }.adherence30Days.taken", is(not(0))));
    }

    @Test
    @Order(4)
    void crisisMessageRaisesAnUrgentFlagForTheCareTeamWithoutTheText() throws Exception {
        String conversationId = as("alice").body(Map.of("kind", "CARE_TEAM"))
                .post("/api/chat/conversations").then()
                .statusCode(anyOf(is(200), is(201)))
                .extract().path("id");

        try (PublishedEvents chatEvents = new PublishedEvents(Topics.CHAT);
                ProviderFeed feed = new ProviderFeed(Tokens.of("theo")).open(Duration.ofSeconds(10))) {
            String text = "I want to end my life tonight";
            long sentAt = System.nanoTime();
            as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("text", text))
                    .post("/api/chat/conversations/{id}/messages", conversationId).then()
                    .statusCode(201)
                    .body("replies.text.join(' ')", org.hamcrest.Matchers.containsString("988"));

            ProviderFeed.Event flagged = feed.await(e -> e.name() != null && e.name().endsWith("FLAG_RAISED")
                    && e.data().contains(ALICE), PROPAGATION);
            System.out.printf("FIGURE crisis message -> urgent flag on the care team's live feed: %d ms%n",
                    Duration.ofNanos(System.nanoTime() - sentAt).toMillis());
            assertThat(flagged.data()).doesNotContain(text);

            ConsumerRecord<String, String> flag = chatEvents.await(e -> e.path("type").asText()
                    .equals("careweave.chat.risk-flag.raised.v1")
                    && e.path("data").path("conversationId").asText().equals(conversationId), PROPAGATION);
            assertThat(flag.value()).doesNotContain(text);
            assertThat(PublishedEvents.violations(flag.value())).isEmpty();
        }

        await().atMost(PROPAGATION).untilAsserted(() -> as("theo").get("/api/providers/me/caseload").then()
                .statusCode(200)
                .body("find { it.patientId == '" + ALICE + "' }.openUrgentFlags.source", hasItem("CHAT_RISK")));
        // Urgent patients come first.
        as("priya").get("/api/providers/me/caseload").then()
                .statusCode(200)
                .body("[0].patientId", equalTo(ALICE));
    }
}
