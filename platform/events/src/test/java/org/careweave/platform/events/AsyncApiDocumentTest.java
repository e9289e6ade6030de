package org.careweave.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The AsyncAPI document describes every event type the services can emit, on its topic, as it travels. */
class AsyncApiDocumentTest {

    private static final JsonNode DOCUMENT = AsyncApiDocument.generate("localhost:19092", "1");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    @Test
    void everyCatalogTypeIsAMessageOfItsTopicsChannelAndItsOperation() {
        for (EventCatalog entry : EventCatalog.values()) {
            JsonNode channel = channelOf(entry.topic());
            String name = AsyncApiDocument.messageName(entry);
            assertEquals("#/components/messages/" + name, channel.at("/messages/" + name + "/$ref").asText(),
                    entry + " is on channel " + entry.topic());
            JsonNode message = DOCUMENT.at("/components/messages/" + name);
            assertEquals(entry.type(), message.at("/payload/properties/type/const").asText());
            assertEquals("string", message.at("/bindings/kafka/key/type").asText(), "Kafka key described");
            List<String> operationMessages = new ArrayList<>();
            DOCUMENT.get("operations").forEach(operation -> {
                if (operation.at("/channel/$ref").asText().endsWith("/" + channelName(entry.topic()))) {
                    operation.get("messages").forEach(m -> operationMessages.add(m.get("$ref").asText()));
                }
            });
            assertTrue(operationMessages.stream().anyMatch(ref -> ref.endsWith("/messages/" + name)),
                    entry + " is sent by an operation");
        }
        long described = DOCUMENT.at("/components/messages").properties().stream()
                .filter(m -> !m.getKey().endsWith("DeadLetter")).count();
        assertEquals(EventCatalog.values().length, described, "nothing described that the code cannot emit");
    }

    @Test
    void everyPayloadIsTheEnvelopeWithThePublishedDataSchema() throws Exception {
        for (EventCatalog entry : EventCatalog.values()) {
            JsonNode payload = DOCUMENT.at("/components/messages/" + AsyncApiDocument.messageName(entry) + "/payload");
            ObjectNode published = (ObjectNode) EventSchemas.MAPPER.readTree(
                    getClass().getClassLoader().getResource(entry.schemaPath()));
            published.remove(List.of("$schema", "$id"));
            assertEquals(published, payload.at("/properties/data"), entry + " data is the published schema");
            assertEquals(Set.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"),
                    Set.copyOf(EventSchemas.MAPPER.convertValue(payload.get("required"), List.class)));
        }
    }

    @Test
    void aRealEnvelopeOfEachTypeValidatesAgainstItsMessageAndNoOtherTypesDoes() {
        for (EventCatalog entry : EventCatalog.values()) {
            JsonNode event = EventSchemas.MAPPER.valueToTree(
                    CloudEvent.of("/careweave/test", EventSamples.of(entry), EventSchemas.MAPPER));
            Set<ValidationMessage> own = schemaOf(entry).validate(event);
            assertEquals(Set.of(), own, entry + " sample validates");
            EventCatalog other = EventCatalog.values()[(entry.ordinal() + 1) % EventCatalog.values().length];
            assertFalse(schemaOf(other).validate(event).isEmpty(), entry + " does not pass as " + other);
        }
    }

    @Test
    void everyTopicHasADeadLetterChannelWithItsReasonHeader() {
        for (String topic : AsyncApiDocument.topics()) {
            JsonNode channel = channelOf(Topics.dlq(topic));
            String ref = channel.get("messages").elements().next().get("$ref").asText();
            JsonNode message = DOCUMENT.at(ref.substring(1));
            assertTrue(message.at("/headers/required").toString().contains(AsyncApiDocument.DEAD_LETTER_REASON),
                    topic + ".dlq requires the " + AsyncApiDocument.DEAD_LETTER_REASON + " header");
            assertEquals(topic, message.at("/headers/properties/dead-letter-topic/const").asText());
        }
        assertEquals(List.of(Topics.CAREPLAN, Topics.THERAPY, Topics.PRESCRIPTION, Topics.CHAT),
                AsyncApiDocument.topics());
    }

    private static JsonSchema schemaOf(EventCatalog entry) {
        return FACTORY.getSchema(DOCUMENT.at("/components/messages/" + AsyncApiDocument.messageName(entry) + "/payload"),
                CONFIG);
    }

    private static JsonNode channelOf(String topic) {
        for (JsonNode channel : DOCUMENT.get("channels")) {
            if (channel.get("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("No channel for " + topic);
    }

    private static String channelName(String topic) {
        var names = DOCUMENT.get("channels").properties();
        return names.stream().filter(e -> e.getValue().get("address").asText().equals(topic)).findFirst()
                .orElseThrow().getKey();
    }
}
