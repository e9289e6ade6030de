package org.careweave.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.EventCatalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Reads the stack's topics as a dashboard would, and checks events against the published JSON Schemas. */
public final class PublishedEvents implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private final KafkaConsumer<String, String> consumer;

    public PublishedEvents(String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** The first record whose CloudEvent matches, polling until the timeout. */
    public ConsumerRecord<String, String> await(Predicate<JsonNode> event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (event.test(json(record.value()))) {
                    return record;
                }
            }
        }
        throw new AssertionError("No matching event within " + timeout);
    }

    /** Schema violations of the envelope and of its data; empty when the event is valid. */
    public static Set<ValidationMessage> violations(String value) {
        JsonNode event = json(value);
        Set<ValidationMessage> problems = new java.util.HashSet<>(
                SCHEMAS.getSchema(SchemaLocation.of("classpath:" + CloudEvent.SCHEMA_PATH), STRICT).validate(event));
        EventCatalog entry = EventCatalog.forType(event.path("type").asText())
                .orElseThrow(() -> new AssertionError("Type not in the catalog: " + event.path("type")));
        problems.addAll(SCHEMAS.getSchema(SchemaLocation.of("classpath:" + entry.schemaPath()), STRICT)
                .validate(event.get("data")));
        return problems;
    }

    public static JsonNode json(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
