package org.careweave.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void deliversRecordsAndSurvivesARestartOnTheSamePort() throws Exception {
        assumeTrue(System.getenv(KafkaBroker.BOOTSTRAP_ENV) == null, "an external broker cannot be restarted");
        KafkaBroker broker = KafkaTestResource.broker();
        String bootstrap = new KafkaTestResource().start().get("kafka.bootstrap.servers");
        assertEquals(broker.bootstrapServers(), bootstrap);
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));

        produce(bootstrap, "care-plan.events", "plan-1", "created");
        try (TestKafkaConsumer consumer = new TestKafkaConsumer(bootstrap, "care-plan.events")) {
            List<ConsumerRecord<String, String>> records = consumer.awaitRecords("care-plan.events",
                    record -> "plan-1".equals(record.key()), TIMEOUT);
            assertEquals("created", records.get(0).value());
        }

        List<ProcessHandle> brokers = ProcessHandle.current().children()
                .filter(child -> child.info().command().orElse("").endsWith("/java"))
                .toList();
        assertEquals(1, brokers.size(), "the broker runs in a JVM of its own");
        broker.stop();
        assertFalse(Processes.accepts(port), "the broker port refuses connections once stopped");
        assertTrue(brokers.stream().noneMatch(ProcessHandle::isAlive), "no broker process is left");

        broker.start();
        assertEquals(bootstrap, broker.bootstrapServers());
        produce(bootstrap, "care-plan.events", "plan-2", "updated");
        try (TestKafkaConsumer consumer = new TestKafkaConsumer(bootstrap, "care-plan.events")) {
            List<ConsumerRecord<String, String>> records = consumer.awaitRecords("care-plan.events",
                    record -> "plan-2".equals(record.key()), TIMEOUT);
            assertEquals("updated", records.get(0).value());
            assertEquals(1, consumer.awaitRecords("care-plan.events", record -> "plan-1".equals(record.key()), TIMEOUT)
                    .size(), "records from before the restart are kept");
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }
}
