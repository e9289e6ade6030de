package org.careweave.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

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

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InboxTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    CountingProjection projection;

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        String patientId = "patient-" + UUID.randomUUID();
        String first = noShowEvent(patientId);
        String second = noShowEvent(patientId);
        try (KafkaProducer<String, String> producer = producer()) {
            // Same key, same partition: by the time "second" is applied the redelivery was seen too.
            producer.send(new ProducerRecord<>(Topics.THERAPY, patientId, first)).get();
            producer.send(new ProducerRecord<>(Topics.THERAPY, patientId, first)).get();
            producer.send(new ProducerRecord<>(Topics.THERAPY, patientId, second)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> projection.appliedCount(patientId) >= 2);
        assertThat(projection.appliedCount(patientId)).isEqualTo(2);
    }

    @Test
    void recordThatIsNotACloudEventGoesToTheDeadLetterTopicWithItsReason() throws Exception {
        String key = "patient-" + UUID.randomUUID();
        try (TestKafkaConsumer dlq = new TestKafkaConsumer(bootstrap, Topics.dlq(Topics.THERAPY));
                KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.THERAPY, key, "{not json")).get();
            ConsumerRecord<String, String> dead = dlq.awaitRecords(Topics.dlq(Topics.THERAPY),
                    r -> key.equals(r.key()), Duration.ofSeconds(30)).get(0);
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(header(dead, "dead-letter-reason")).contains("Not a CloudEvent");
        }
    }

    @Test
    void eventWhoseHandlerKeepsFailingGoesToTheDeadLetterTopicAndLaterEventsStillFlow() throws Exception {
        String failing = "fail-" + UUID.randomUUID();
        String healthy = "patient-" + UUID.randomUUID();
        try (TestKafkaConsumer dlq = new TestKafkaConsumer(bootstrap, Topics.dlq(Topics.THERAPY));
                KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.THERAPY, failing, noShowEvent(failing))).get();
            producer.send(new ProducerRecord<>(Topics.THERAPY, healthy, noShowEvent(healthy))).get();
            ConsumerRecord<String, String> dead = dlq.awaitRecords(Topics.dlq(Topics.THERAPY),
                    r -> failing.equals(r.key()), Duration.ofSeconds(30)).get(0);
            assertThat(header(dead, "dead-letter-reason"))
                    .contains("failed 3 times")
                    .contains("careweave.therapy.session.no-show.v1");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> projection.appliedCount(healthy) == 1);
        assertThat(projection.appliedCount(failing)).isZero();
    }

    @Test
    void eventArrivingWhileTheDatabaseIsAwayIsAppliedOnceItIsBackInsteadOfDeadLettered() throws Exception {
        String patientId = "outage-" + UUID.randomUUID();
        try (TestKafkaConsumer dlq = new TestKafkaConsumer(bootstrap, Topics.dlq(Topics.THERAPY));
                KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.THERAPY, patientId, noShowEvent(patientId))).get();
            await().atMost(Duration.ofSeconds(60)).until(() -> projection.appliedCount(patientId) == 1);
            assertThat(projection.attempts(patientId)).isEqualTo(CountingProjection.OUTAGE_ATTEMPTS + 1);
            assertThat(dlq.recordsWithin(Topics.dlq(Topics.THERAPY), r -> patientId.equals(r.key()),
                    Duration.ofSeconds(2))).isEmpty();
        }
    }

    private String noShowEvent(String patientId) throws Exception {
        SessionNoShow payload = new SessionNoShow(patientId, UUID.randomUUID().toString(), "therapist-1",
                Instant.now());
        return mapper.writeValueAsString(CloudEvent.of("/careweave/test", payload, mapper));
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? "" : new String(record.headers().lastHeader(name).value());
    }
}
