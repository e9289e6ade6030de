package org.careweave.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.EventCatalog;
import org.careweave.platform.events.Topics;
import org.careweave.platform.testing.TestKafkaConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/** Finds a prescription event on Kafka and checks it against the published envelope and data schemas. */
public final class EventAssertions {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private EventAssertions() {
    }

    /** The event's JSON, once one of {@code type} about {@code patientId} whose data matches has arrived. */
    public static JsonNode awaitEvent(TestKafkaConsumer consumer, EventCatalog type, String patientId,
            Predicate<JsonNode> data) {
        List<ConsumerRecord<String, String>> records = consumer.awaitRecords(Topics.PRESCRIPTION, record -> {
            JsonNode event = read(record.value());
            return patientId.equals(record.key()) && type.type().equals(event.path("type").asText())
                    && data.test(event.path("data"));
        }, Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = records.get(0);
        JsonNode event = read(record.value());
        assertThat(schema(CloudEvent.SCHEMA_PATH).validate(event)).as("envelope of %s", type).isEmpty();
        assertThat(schema(type.schemaPath()).validate(event.get("data"))).as("data of %s", type).isEmpty();
        assertThat(event.get("subject").asText()).isEqualTo(patientId);
        assertThat(event.get("source").asText()).isEqualTo("/careweave/prescription-service");
        assertThat(record.key()).isEqualTo(patientId);
        return event;
    }

    private static JsonSchema schema(String classpathResource) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + classpathResource), CONFIG);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("Not JSON on " + Topics.PRESCRIPTION + ": " + e.getMessage());
        }
    }
}
