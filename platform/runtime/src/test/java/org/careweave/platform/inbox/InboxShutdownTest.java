package org.careweave.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.Topics;
import org.careweave.platform.events.therapy.SessionNoShow;
import org.careweave.platform.kittest.KitTestApp.CountingProjection;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A handler failing once shutdown began (Hibernate or the datasource closing under it) must not
 * dead-letter the event. An app of its own: after the simulated shutdown its channel waits for good.
 */
@QuarkusTest
@TestProfile(InboxShutdownTest.OwnApp.class)
class InboxShutdownTest {

    public static class OwnApp implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // Commit processed offsets every second, so a wrongly committed offset shows within the test.
            return Map.of("mp.messaging.incoming.kit-test-events.auto.commit.interval.ms", "1000");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "mp.messaging.incoming.kit-test-events.group.id")
    String group;

    @Inject
    ObjectMapper mapper;

    @Inject
    CountingProjection projection;

    @Inject
    ShutdownState shutdown;

    @Test
    void eventWhoseHandlerFailsDuringShutdownIsNeitherRetriedNorDeadLetteredNorCommitted() throws Exception {
        String healthy = "patient-" + UUID.randomUUID();
        String failing = "fail-" + UUID.randomUUID();
        try (TestKafkaConsumer dlq = new TestKafkaConsumer(bootstrap, Topics.dlq(Topics.THERAPY));
                KafkaProducer<String, String> producer = producer();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // The channel has caught up before shutdown begins, so the failing event is the next one it sees;
            // same key, same partition: the offset committed for the healthy event is the failing one's.
            producer.send(new ProducerRecord<>(Topics.THERAPY, failing, noShowEvent(healthy))).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> projection.appliedCount(healthy) == 1);

            shutdown.begin(new ShutdownEvent());
            RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.THERAPY, failing, noShowEvent(failing)))
                    .get();
            await().atMost(Duration.ofSeconds(30)).until(() -> projection.attempts(failing) >= 1);

            // Outside shutdown, retries and the dead-letter send take well under these 5 seconds.
            assertThatThrownBy(() -> dlq.awaitRecords(Topics.dlq(Topics.THERAPY), r -> failing.equals(r.key()),
                    Duration.ofSeconds(5))).isInstanceOf(AssertionError.class).hasMessageStartingWith("No record on");
            assertThat(projection.attempts(failing)).isEqualTo(1);
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(sent.topic(), sent.partition()));
            assertThat(committed).isNotNull();
            assertThat(committed.offset()).isEqualTo(sent.offset());
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
}
