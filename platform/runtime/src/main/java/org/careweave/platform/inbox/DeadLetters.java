package org.careweave.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careweave.platform.events.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dead-letter topics, read and replayed for an admin after a fix. A replay sends each pending record back to
 * the topic it came from, unchanged and with its key, then moves the replay group's committed position past it:
 * every consumer of that topic sees the event again, and their inboxes apply it only where it was not applied
 * before. A crash between the two steps replays a record twice, which the inboxes absorb the same way.
 */
@ApplicationScoped
public class DeadLetters {

    static final String REPLAYED_FROM_HEADER = "careweave-replayed-from";
    private static final Set<String> DEAD_LETTER_TOPICS = Topics.ALL.stream().map(Topics::dlq)
            .collect(Collectors.toUnmodifiableSet());
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final ObjectMapper mapper;

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper mapper) {
        this.bootstrapServers = bootstrapServers;
        this.mapper = mapper;
    }

    public static boolean isDeadLetterTopic(String topic) {
        return DEAD_LETTER_TOPICS.contains(topic);
    }

    /** What waits in {@code topic} past the replay position: ids, types and reasons, never the payload. */
    public List<DeadLetter> pending(String topic) {
        List<DeadLetter> pending = new ArrayList<>();
        readPending(topic, (consumer, record) -> pending.add(describe(record)));
        return pending;
    }

    /** Sends every pending record of {@code topic} back to its origin topic, in order per partition. */
    public synchronized List<DeadLetter> replay(String topic) {
        List<DeadLetter> replayed = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            readPending(topic, (consumer, record) -> {
                ProducerRecord<String, String> again = new ProducerRecord<>(origin(record), record.key(),
                        record.value());
                again.headers().add(REPLAYED_FROM_HEADER, (record.topic() + "/" + record.partition() + "/"
                        + record.offset()).getBytes(StandardCharsets.UTF_8));
                send(producer, again);
                consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)), KAFKA_TIMEOUT);
                replayed.add(describe(record));
            });
        }
        return replayed;
    }

    /** Visits, in offset order per partition, every record between the replay position and the current end. */
    private void readPending(String topic, RecordVisitor visitor) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, Topics.DEAD_LETTER_REPLAY_GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, KAFKA_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, KAFKA_TIMEOUT));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions),
                    KAFKA_TIMEOUT);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata position = committed.get(partition);
                if (position == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, position.offset());
                }
            }
            long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), KAFKA_TIMEOUT) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading " + topic + " did not reach its end in " + KAFKA_TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        visitor.visit(consumer, record);
                    }
                }
            }
        }
    }

    private DeadLetter describe(ConsumerRecord<String, String> record) {
        String eventId = null;
        String eventType = null;
        try {
            JsonNode event = mapper.readTree(record.value());
            eventId = event.path("id").isTextual() ? event.path("id").asText() : null;
            eventType = event.path("type").isTextual() ? event.path("type").asText() : null;
        } catch (Exception e) {
            // Not JSON: the reason header says so.
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), origin(record),
                eventId, eventType, header(record, "dead-letter-reason"), Instant.ofEpochMilli(record.timestamp()));
    }

    private static String origin(ConsumerRecord<String, String> record) {
        String origin = header(record, "dead-letter-topic");
        return origin != null ? origin : record.topic().substring(0, record.topic().length() - ".dlq".length());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the replayed record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
    }

    @FunctionalInterface
    private interface RecordVisitor {
        void visit(KafkaConsumer<String, String> consumer, ConsumerRecord<String, String> record);
    }

    /** A dead-lettered record as an admin sees it; {@code patientId} is the record key. */
    public record DeadLetter(String topic, int partition, long offset, String patientId, String originTopic,
            String eventId, String eventType, String reason, Instant deadLetteredAt) {
    }
}
