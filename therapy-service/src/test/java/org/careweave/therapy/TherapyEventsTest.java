package org.careweave.therapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careweave.platform.events.Topics;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Every state change reaches therapy.events as a CloudEvent keyed by the patient, carrying no private text. */
@QuarkusTest
class TherapyEventsTest {

    static final Duration WITHIN = Duration.ofSeconds(20);
    static final String NOTE = "Private: discussed an incident at school.";
    static final String SUMMARY = "Practised grounding exercises.";
    static final String HOMEWORK = "Five-senses grounding twice a day";
    static final String REASON = "Family emergency in another city";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final ObjectMapper mapper = new ObjectMapper();
    TestKafkaConsumer kafka;

    @BeforeEach
    void listen() {
        kafka = new TestKafkaConsumer(bootstrap, Topics.THERAPY);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aSessionsWholeLifecycleIsPublished() throws Exception {
        CareTeam team = CareTeam.assigned();
        Instant start = CareTeam.daysAhead(3);
        String id = team.book(start);
        Instant moved = start.plus(2, ChronoUnit.HOURS);
        team.asTherapist().body(Map.of("startsAt", moved.toString()))
                .post("/api/therapy/sessions/{id}/reschedule", id).then().statusCode(200);
        team.complete(id, Map.of("summary", SUMMARY, "homework", HOMEWORK, "privateNote", NOTE)).statusCode(200);

        JsonNode scheduled = data(awaitEvent(team, "careweave.therapy.session.scheduled.v1", id));
        assertThat(fields(scheduled)).containsExactlyInAnyOrder("patientId", "sessionId", "therapistId", "startsAt",
                "durationMinutes", "modality", "format", "seriesId");
        assertThat(scheduled.get("therapistId").asText()).isEqualTo(team.therapist());
        assertThat(Instant.parse(scheduled.get("startsAt").asText())).isEqualTo(start);
        assertThat(scheduled.get("durationMinutes").asInt()).isEqualTo(50);
        assertThat(scheduled.get("modality").asText()).isEqualTo("CBT");
        assertThat(scheduled.get("seriesId").isNull()).isTrue();

        JsonNode rescheduled = data(awaitEvent(team, "careweave.therapy.session.rescheduled.v1", id));
        assertThat(Instant.parse(rescheduled.get("previousStartsAt").asText())).isEqualTo(start);
        assertThat(Instant.parse(rescheduled.get("startsAt").asText())).isEqualTo(moved);

        ConsumerRecord<String, String> completed = awaitEvent(team, "careweave.therapy.session.completed.v1", id);
        JsonNode completion = data(completed);
        assertThat(fields(completion)).containsExactlyInAnyOrder("patientId", "sessionId", "therapistId",
                "completedAt", "summaryLength", "homeworkAssigned");
        assertThat(completion.get("summaryLength").asInt()).isEqualTo(SUMMARY.length());
        assertThat(completion.get("homeworkAssigned").asBoolean()).isTrue();
        assertThat(completed.value()).doesNotContain(NOTE, SUMMARY, HOMEWORK);
    }

    @Test
    void cancellationsAndNoShowsArePublishedWithoutTheReason() throws Exception {
        CareTeam team = CareTeam.assigned();
        String cancelled = team.book(Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES));
        String missed = team.book(CareTeam.daysAhead(2));
        team.asPatient().body(Map.of("reason", REASON)).post("/api/therapy/sessions/{id}/cancel", cancelled).then()
                .statusCode(200);
        team.asTherapist().post("/api/therapy/sessions/{id}/no-show", missed).then().statusCode(200);

        ConsumerRecord<String, String> cancellation = awaitEvent(team, "careweave.therapy.session.cancelled.v1",
                cancelled);
        assertThat(data(cancellation).get("late").asBoolean()).isTrue();
        assertThat(fields(data(cancellation))).containsExactlyInAnyOrder("patientId", "sessionId", "therapistId",
                "startsAt", "late");
        assertThat(cancellation.value()).doesNotContain(REASON);

        JsonNode noShow = data(awaitEvent(team, "careweave.therapy.session.no-show.v1", missed));
        assertThat(fields(noShow)).containsExactlyInAnyOrder("patientId", "sessionId", "therapistId", "startsAt");
    }

    @Test
    void everySessionOfASeriesIsPublishedWithTheSeriesId() throws Exception {
        CareTeam team = CareTeam.assigned();
        Map<String, Object> body = team.session(CareTeam.daysAhead(2), 50);
        body.put("weeks", 3);
        var series = team.asTherapist().body(body).post("/api/therapy/session-series").then().statusCode(201)
                .extract();
        String seriesId = series.path("seriesId");
        List<String> sessionIds = series.path("sessions.id");

        assertThat(sessionIds).hasSize(3);
        for (String sessionId : sessionIds) {
            JsonNode scheduled = data(awaitEvent(team, "careweave.therapy.session.scheduled.v1", sessionId));
            assertThat(scheduled.get("seriesId").asText()).isEqualTo(seriesId);
        }
    }

    @Test
    void aPhq9WithSelfHarmRiskIsPublishedWithinSeconds() throws Exception {
        CareTeam team = CareTeam.assigned();
        String id = team.asPatient().body(AssessmentTest.body(team, "PHQ9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 2)))
                .post("/api/therapy/assessments").then().statusCode(201).extract().path("id");

        long sent = System.nanoTime();
        ConsumerRecord<String, String> record = kafka.awaitRecords(Topics.THERAPY,
                r -> r.key().equals(team.patient()) && id.equals(data(r).path("assessmentId").asText()),
                Duration.ofSeconds(5)).get(0);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));

        JsonNode envelope = mapper.readTree(record.value());
        assertEnvelope(record, envelope, team, "careweave.therapy.assessment.scored.v1");
        JsonNode data = envelope.get("data");
        assertThat(fields(data)).containsExactlyInAnyOrder("patientId", "assessmentId", "instrument", "total", "band",
                "selfHarmRisk", "sessionId", "scoredAt");
        assertThat(data.get("instrument").asText()).isEqualTo("PHQ9");
        assertThat(data.get("total").asInt()).isEqualTo(10);
        assertThat(data.get("band").asText()).isEqualTo("MODERATE");
        assertThat(data.get("selfHarmRisk").asBoolean()).isTrue();
        assertThat(record.value()).doesNotContain("answers");
    }

    private ConsumerRecord<String, String> awaitEvent(CareTeam team, String type, String sessionId) throws Exception {
        ConsumerRecord<String, String> record = kafka.awaitRecords(Topics.THERAPY,
                r -> r.key().equals(team.patient()) && type.equals(envelope(r).path("type").asText())
                        && sessionId.equals(data(r).path("sessionId").asText()),
                WITHIN).get(0);
        assertEnvelope(record, mapper.readTree(record.value()), team, type);
        return record;
    }

    private void assertEnvelope(ConsumerRecord<String, String> record, JsonNode envelope, CareTeam team, String type) {
        assertThat(record.key()).isEqualTo(team.patient());
        assertThat(envelope.get("specversion").asText()).isEqualTo("1.0");
        assertThat(envelope.get("type").asText()).isEqualTo(type);
        assertThat(envelope.get("source").asText()).isEqualTo("/careweave/therapy-service");
        assertThat(envelope.get("subject").asText()).isEqualTo(team.patient());
        assertThat(envelope.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(envelope.get("id").asText()).isNotBlank();
        assertThat(Instant.parse(envelope.get("time").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(envelope.get("data").get("patientId").asText()).isEqualTo(team.patient());
    }

    private JsonNode envelope(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("Not JSON on " + record.topic() + ": " + record.value(), e);
        }
    }

    private JsonNode data(ConsumerRecord<String, String> record) {
        return envelope(record).path("data");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
