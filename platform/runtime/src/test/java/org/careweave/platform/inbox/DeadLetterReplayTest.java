package org.careweave.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditEntry;
import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.Topics;
import org.careweave.platform.events.therapy.SessionNoShow;
import org.careweave.platform.kittest.KitTestApp.CountingProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** An event dead-lettered by a bug is applied once the bug is fixed and an admin replays the dead-letter topic. */
@QuarkusTest
class DeadLetterReplayTest {

    static final String DLQ = Topics.dlq(Topics.THERAPY);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    CountingProjection projection;

    @Test
    @TestSecurity(user = "admin-1", roles = Roles.ADMIN)
    void anAdminReplaysADeadLetteredEventAfterTheFixAndItIsAppliedOnce() throws Exception {
        String patientId = "fixable-" + UUID.randomUUID();
        String event = mapper.writeValueAsString(CloudEvent.of("/careweave/test",
                new SessionNoShow(patientId, UUID.randomUUID().toString(), "therapist-1", Instant.now()), mapper));
        String eventId = mapper.readTree(event).get("id").asText();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.THERAPY, patientId, event)).get();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/admin/dead-letters/{t}", DLQ)
                .then().log().ifValidationFails().statusCode(200).body("eventId", hasItem(eventId)));
        given().get("/api/admin/dead-letters/{t}", DLQ).then()
                .body("find { it.eventId == '" + eventId + "' }.patientId", equalTo(patientId))
                .body("find { it.eventId == '" + eventId + "' }.originTopic", equalTo(Topics.THERAPY))
                .body("find { it.eventId == '" + eventId + "' }.reason", containsString("failed 3 times"));
        assertThat(projection.appliedCount(patientId)).isZero();

        CountingProjection.fixed = true;
        given().post("/api/admin/dead-letters/{t}/replay", DLQ).then().statusCode(200)
                .body("eventId", hasItem(eventId));
        await().atMost(Duration.ofSeconds(30)).until(() -> projection.appliedCount(patientId) == 1);

        // The replay position moved past it: a second replay sends it no more, and it is applied once only.
        given().get("/api/admin/dead-letters/{t}", DLQ).then().statusCode(200).body("eventId", not(hasItem(eventId)));
        given().post("/api/admin/dead-letters/{t}/replay", DLQ).then().statusCode(200)
                .body("eventId", not(hasItem(eventId)));
        assertThat(projection.appliedCount(patientId)).isEqualTo(1);
        long audited = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = 'replay' and patientId = ?1 and subject = 'admin-1'", patientId));
        assertThat(audited).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "therapist-1", roles = Roles.THERAPIST)
    void onlyAnAdminSeesOrReplaysDeadLetters() {
        given().get("/api/admin/dead-letters/{t}", DLQ).then().statusCode(403);
        given().post("/api/admin/dead-letters/{t}/replay", DLQ).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin-1", roles = Roles.ADMIN)
    void anUnknownTopicIsNotFound() {
        given().get("/api/admin/dead-letters/{t}", "therapy.events").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
