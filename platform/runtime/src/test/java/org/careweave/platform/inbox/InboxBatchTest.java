package org.careweave.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.Topics;
import org.careweave.platform.events.therapy.SessionNoShow;
import org.careweave.platform.kittest.KitTestApp.CountingProjection;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link Inbox#consumeBatch}: a polled batch applied in one transaction, with the same once-only, dead-letter and
 * outage guarantees as one event at a time. The kit app's batch channel reads prescription events.
 */
@QuarkusTest
class InboxBatchTest {

    private static final String CONSUMER = "kit-test-batch-projection";
    private static final String TOPIC = Topics.PRESCRIPTION;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    CountingProjection projection;

    @Inject
    EntityManager em;

    @Test
    void eventsPolledTogetherAreAppliedOnceEachInFewerTransactionsThanEvents() throws Exception {
        List<String> patients = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        try (KafkaProducer<String, String> producer = lingeringProducer()) {
            for (int i = 0; i < 20; i++) {
                String patientId = "patient-" + UUID.randomUUID();
                String event = noShowEvent(patientId);
                patients.add(patientId);
                eventIds.add(mapper.readTree(event).get("id").asText());
                producer.send(new ProducerRecord<>(TOPIC, patientId, event));
                if (i % 5 == 0) {
                    // a redelivery inside the same batch
                    producer.send(new ProducerRecord<>(TOPIC, patientId, event));
                }
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> patients.stream().allMatch(p -> projection.appliedCount(p) >= 1));
        assertThat(patients).allSatisfy(p -> assertThat(projection.appliedCount(p)).isEqualTo(1));
        // now() is the transaction's start: events applied in one transaction share it.
        long transactions = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(distinct processed_at) from inbox_event where consumer = ?1 and event_id in (?2)")
                .setParameter(1, CONSUMER).setParameter(2, eventIds).getSingleResult()).longValue());
        assertThat(transactions).isLessThan(eventIds.size());
    }

    @Test
    void recordThatIsNotACloudEventIsDeadLetteredAloneAndTheRestOfItsBatchIsApplied() throws Exception {
        String bad = "bad-" + UUID.randomUUID();
        String before = "patient-" + UUID.randomUUID();
        String after = "patient-" + UUID.randomUUID();
        try (TestKafkaConsumer dlq = new TestKafkaConsumer(bootstrap, Topics.dlq(TOPIC));
                KafkaProducer<String, String> producer = lingeringProducer()) {
            // One key, one partition: the bad record sits between two good ones in the same poll.
            producer.send(new ProducerRecord<>(TOPIC, bad, noShowEvent(before)));
            producer.send(new ProducerRecord<>(TOPIC, bad, "{not json"));
            producer.send(new ProducerRecord<>(TOPIC, bad, noShowEvent(after)));
            producer.flush();
            ConsumerRecord<String, String> dead = dlq.awaitRecords(Topics.dlq(TOPIC), r -> bad.equals(r.key()),
                    Duration.ofSeconds(30)).get(0);
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(header(dead, "dead-letter-reason")).contains("Not a CloudEvent");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> projection.appliedCount(before) == 1 && projection.appliedCount(after) == 1);
            assertThat(dlq.recordsWithin(Topics.dlq(TOPIC), r -> bad.equals(r.key()), Duration.ofSeconds(2)))
                    .hasSize(1);
        }
    }

    @Test
    void eventWhoseHandlerKeepsFailingIsDeadLetteredAndTheRestOfItsBatchIsAppliedOnce() throws Exception {
        String failing = "fail-" + UUID.randomUUID();
        String before = "patient-" + UUID.randomUUID();
        String after = "patient-" + UUID.randomUUID();
        try (TestKafkaConsumer dlq = new TestKafkaConsumer(bootstrap, Topics.dlq(TOPIC));
                KafkaProducer<String, String> producer = lingeringProducer()) {
            String key = "key-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(TOPIC, key, noShowEvent(before)));
            producer.send(new ProducerRecord<>(TOPIC, key, noShowEvent(failing)));
            producer.send(new ProducerRecord<>(TOPIC, key, noShowEvent(after)));
            producer.flush();
            ConsumerRecord<String, String> dead = dlq.awaitRecords(Topics.dlq(TOPIC), r -> key.equals(r.key()),
                    Duration.ofSeconds(30)).get(0);
            assertThat(header(dead, "dead-letter-reason")).contains("failed 3 times")
                    .contains("careweave.therapy.session.no-show.v1");
            assertThat(mapper.readTree(dead.value()).get("subject").asText()).isEqualTo(failing);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> projection.appliedCount(before) == 1 && projection.appliedCount(after) == 1);
            assertThat(projection.appliedCount(failing)).isZero();
            assertThat(dlq.recordsWithin(Topics.dlq(TOPIC), r -> key.equals(r.key()), Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        // The batch's failed transaction left nothing: the healthy events were applied once, by the one-by-one pass.
        assertThat(projection.appliedCount(before)).isEqualTo(1);
        assertThat(projection.appliedCount(after)).isEqualTo(1);
    }

    @Test
    void batchArrivingWhileTheDatabaseIsAwayIsAppliedOnceItIsBackInsteadOfDeadLettered() throws Exception {
        String outage = "outage-" + UUID.randomUUID();
        String healthy = "patient-" + UUID.randomUUID();
        try (TestKafkaConsumer dlq = new TestKafkaConsumer(bootstrap, Topics.dlq(TOPIC));
                KafkaProducer<String, String> producer = lingeringProducer()) {
            producer.send(new ProducerRecord<>(TOPIC, outage, noShowEvent(outage)));
            producer.send(new ProducerRecord<>(TOPIC, outage, noShowEvent(healthy)));
            producer.flush();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> projection.appliedCount(outage) == 1 && projection.appliedCount(healthy) == 1);
            assertThat(dlq.recordsWithin(Topics.dlq(TOPIC), r -> outage.equals(r.key()), Duration.ofSeconds(2)))
                    .isEmpty();
        }
    }

    private String noShowEvent(String patientId) throws Exception {
        SessionNoShow payload = new SessionNoShow(patientId, UUID.randomUUID().toString(), "therapist-1",
                Instant.now());
        return mapper.writeValueAsString(CloudEvent.of("/careweave/test", payload, mapper));
    }

    /** Holds records a moment so that they reach the broker, and the consumer's poll, together. */
    private KafkaProducer<String, String> lingeringProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 200),
                new StringSerializer(), new StringSerializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? "" : new String(record.headers().lastHeader(name).value());
    }
}
