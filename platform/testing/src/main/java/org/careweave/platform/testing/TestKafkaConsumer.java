package org.careweave.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics from the beginning, under a group of its own, so tests can assert emitted events. */
public final class TestKafkaConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    public TestKafkaConsumer(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "careweave-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /**
     * Polls until at least one record of {@code topic} matches, then returns every matching record
     * received so far.
     *
     * @throws AssertionError if none matched within {@code timeout}
     */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> predicate, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> matching = received.stream()
                    .filter(record -> record.topic().equals(topic) && predicate.test(record))
                    .toList();
            if (!matching.isEmpty()) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                long seen = received.stream().filter(record -> record.topic().equals(topic)).count();
                throw new AssertionError("No record on " + topic + " matched within " + timeout
                        + " (" + seen + " received from it)");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        }
    }

    /** Polls for the whole of {@code period} and returns every matching record of {@code topic}, maybe none. */
    public List<ConsumerRecord<String, String>> recordsWithin(String topic,
            Predicate<ConsumerRecord<String, String>> predicate, Duration period) {
        return pollFor(period).stream().filter(record -> record.topic().equals(topic) && predicate.test(record))
                .toList();
    }

    /** Polls for {@code duration}, then returns every record received so far. */
    public List<ConsumerRecord<String, String>> pollFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        }
        return List.copyOf(received);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
