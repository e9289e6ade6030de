package org.careweave.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.careweave.platform.events.Topics;
import org.careweave.platform.testing.MetricsScrape;
import org.careweave.platform.testing.TestEventProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The metrics ops watch on the consuming side: dead-lettered records and the consumers' lag. */
@QuarkusTest
class DeadLetterSenderTest {

    private static final String DEAD_LETTERED = "careweave_events_dead_lettered_total";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Test
    void everyDeadLetteredRecordIsCountedPerConsumerAndTopic() {
        String[] labels = { "consumer", "kit-test-projection", "topic", Topics.THERAPY };
        double before = MetricsScrape.now().value(DEAD_LETTERED, labels);

        try (TestEventProducer producer = new TestEventProducer(bootstrap, mapper)) {
            producer.sendRaw(Topics.THERAPY, "patient-" + UUID.randomUUID(), "not a cloud event");
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> MetricsScrape.now().value(DEAD_LETTERED, labels) == before + 1);
    }

    @Test
    void consumerLagIsExposedPerTopic() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            MetricsScrape scrape = MetricsScrape.now();
            assertThat(scrape.has("kafka_consumer_fetch_manager_records_lag", "topic", Topics.THERAPY))
                    .as(scrape.toString().lines().filter(l -> l.startsWith("kafka_consumer_fetch")).toList().toString())
                    .isTrue();
        });
    }
}
