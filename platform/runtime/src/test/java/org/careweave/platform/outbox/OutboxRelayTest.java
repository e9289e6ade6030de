package org.careweave.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careweave.platform.events.Topics;
import org.careweave.platform.kittest.KitTestApp.CountingProjection;
import org.careweave.platform.testing.KafkaTestResource;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxRelayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    CountingProjection projection;

    @Test
    void outboxedEventReachesKafkaAsCloudEventKeyedByPatient() throws Exception {
        String patientId = "patient-" + UUID.randomUUID();
        String eventId = given().post("/test/patients/{p}/no-shows", patientId).then().statusCode(200)
                .extract().asString();

        try (TestKafkaConsumer consumer = new TestKafkaConsumer(bootstrap, Topics.THERAPY)) {
            ConsumerRecord<String, String> record = consumer
                    .awaitRecords(Topics.THERAPY, r -> r.value().contains(eventId), Duration.ofSeconds(20)).get(0);
            assertThat(record.key()).isEqualTo(patientId);
            assertThat(new String(record.headers().lastHeader("content-type").value()))
                    .startsWith("application/cloudevents+json");
            JsonNode event = mapper.readTree(record.value());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("id").asText()).isEqualTo(eventId);
            assertThat(event.get("type").asText()).isEqualTo("careweave.therapy.session.no-show.v1");
            assertThat(event.get("source").asText()).isEqualTo("/careweave/runtime-kit-test");
            assertThat(event.get("subject").asText()).isEqualTo(patientId);
            assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(event.get("time").isTextual()).isTrue();
            assertThat(event.get("data").get("patientId").asText()).isEqualTo(patientId);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sentAt(eventId) != null);
    }

    @Test
    void writesCommitWhileKafkaIsDownAndEveryEventArrivesOnceInOrderWhenItIsBack() throws Exception {
        String patientId = "patient-" + UUID.randomUUID();
        List<String> published = new ArrayList<>();
        KafkaTestResource.broker().stop();
        try {
            for (int i = 0; i < 3; i++) {
                published.add(given().post("/test/patients/{p}/no-shows", patientId).then().statusCode(200)
                        .extract().asString());
            }
            assertThat(unsentFor(patientId)).isEqualTo(3);
            // Give the relay time to try (and fail) at least once.
            await().atMost(Duration.ofSeconds(30)).until(() -> attemptsFor(published.get(0)) > 0);
            assertThat(unsentFor(patientId)).isEqualTo(3);
        } finally {
            KafkaTestResource.broker().start();
        }

        try (TestKafkaConsumer consumer = new TestKafkaConsumer(bootstrap, Topics.THERAPY)) {
            List<Long> offsets = new ArrayList<>();
            for (String eventId : published) {
                ConsumerRecord<String, String> record = consumer.awaitRecords(Topics.THERAPY,
                        r -> r.value().contains(eventId), Duration.ofSeconds(60)).get(0);
                assertThat(record.key()).isEqualTo(patientId);
                offsets.add(record.offset());
            }
            // One key, one partition: increasing offsets mean the patient's events kept their order.
            assertThat(offsets).isSorted().doesNotHaveDuplicates();
        }
        assertThat(unsentFor(patientId)).isZero();
        // The relay may resend after a lost ack; the inbox makes the effect exactly once.
        await().atMost(Duration.ofSeconds(30)).until(() -> projection.appliedCount(patientId) == 3);
        Thread.sleep(1000);
        assertThat(projection.appliedCount(patientId)).isEqualTo(3);
    }

    private static Object sentAt(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> find("eventId",
                UUID.fromString(eventId)).firstResult().sentAt);
    }

    private static int attemptsFor(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> find("eventId",
                UUID.fromString(eventId)).firstResult().attempts);
    }

    private static long unsentFor(String patientId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("messageKey = ?1 and sentAt is null",
                patientId));
    }
}
