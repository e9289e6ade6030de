package org.careweave.platform.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 description of every topic and dead-letter topic, generated from {@link EventCatalog} and the
 * published JSON Schemas, so it cannot drift from what the services publish. Each message is the CloudEvents
 * envelope with its {@code type} fixed and its {@code data} the type's schema, inline (a consumer can validate a
 * record value against {@code payload} alone); the Kafka key is the patient id.
 */
public final class AsyncApiDocument {

    /** Header SmallRye Reactive Messaging sets on a dead-lettered record: why it could not be processed. */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> OWNERS = Map.of(Topics.CAREPLAN, "care-plan-service",
            Topics.THERAPY, "therapy-service", Topics.PRESCRIPTION, "prescription-service", Topics.CHAT,
            "chat-service");

    private AsyncApiDocument() {
    }

    /**
     * @param kafkaHost bootstrap address shown as the server, e.g. {@code localhost:19092}
     * @param version   the document's {@code info.version}
     */
    public static ObjectNode generate(String kafkaHost, String version) {
        ObjectNode document = JSON.objectNode();
        document.put("asyncapi", "3.0.0");
        document.set("info", JSON.objectNode().put("title", "Careweave events").put("version", version)
                .put("description", "Every event the Careweave services publish, one topic per owning service. "
                        + "Records are CloudEvents 1.0 in structured JSON mode, keyed by the patient id so one "
                        + "patient's events stay in order; no chat or note text travels. A record a consumer cannot "
                        + "process goes, unchanged, to <topic>.dlq with the " + DEAD_LETTER_REASON + " header."));
        document.put("defaultContentType", CloudEvent.CONTENT_TYPE);
        document.set("servers", JSON.objectNode().set("kafka", JSON.objectNode().put("host", kafkaHost)
                .put("protocol", "kafka").put("description", "The Kafka cluster (KRaft) of the deployment")));
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode messages = JSON.objectNode();
        for (String topic : topics()) {
            String channel = channelName(topic);
            List<EventCatalog> entries = Arrays.stream(EventCatalog.values()).filter(e -> e.topic().equals(topic))
                    .toList();
            ObjectNode channelMessages = JSON.objectNode();
            ArrayNode operationMessages = JSON.arrayNode();
            for (EventCatalog entry : entries) {
                String name = messageName(entry);
                messages.set(name, message(entry));
                channelMessages.set(name, ref("#/components/messages/" + name));
                operationMessages.add(ref("#/channels/" + channel + "/messages/" + name));
            }
            channels.set(channel, JSON.objectNode().put("address", topic)
                    .put("description", "Events of the " + OWNERS.get(topic) + ", key = patient id.")
                    .set("messages", channelMessages));
            operations.set("publish" + pascal(channel), JSON.objectNode().put("action", "send")
                    .put("summary", "The " + OWNERS.get(topic) + " publishes (transactional outbox, acks=all).")
                    .<ObjectNode> set("channel", ref("#/channels/" + channel))
                    .set("messages", operationMessages));

            String dlq = Topics.dlq(topic);
            String dlqChannel = channelName(dlq);
            String dlqMessage = pascal(channel) + "DeadLetter";
            messages.set(dlqMessage, deadLetter(topic));
            channels.set(dlqChannel, JSON.objectNode().put("address", dlq)
                    .put("description", "Records of " + topic + " a consumer could not process, with the reason.")
                    .set("messages", JSON.objectNode().set(dlqMessage, ref("#/components/messages/" + dlqMessage))));
            operations.set("deadLetter" + pascal(channel), JSON.objectNode().put("action", "send")
                    .put("summary", "A consumer of " + topic + " dead-letters a record it cannot process.")
                    .<ObjectNode> set("channel", ref("#/channels/" + dlqChannel))
                    .set("messages", JSON.arrayNode().add(ref("#/channels/" + dlqChannel + "/messages/" + dlqMessage))));
        }
        document.set("components", JSON.objectNode().set("messages", messages));
        return document;
    }

    /** The topics in catalog order. */
    public static List<String> topics() {
        return Arrays.stream(EventCatalog.values()).map(EventCatalog::topic).distinct().toList();
    }

    /** Name of the message of {@code entry} under {@code components.messages}. */
    public static String messageName(EventCatalog entry) {
        return entry.payloadType().getSimpleName() + "V" + entry.type().substring(entry.type().lastIndexOf(".v") + 2);
    }

    private static ObjectNode message(EventCatalog entry) {
        ObjectNode data = schema(entry.schemaPath());
        ObjectNode envelope = schema(CloudEvent.SCHEMA_PATH);
        ObjectNode properties = (ObjectNode) envelope.get("properties");
        properties.set("type", JSON.objectNode().put("const", entry.type()));
        properties.set("data", data);
        envelope.put("title", entry.payloadType().getSimpleName() + " event");
        return JSON.objectNode().put("name", entry.type())
                .put("title", entry.payloadType().getSimpleName())
                .put("summary", data.path("description").asText(entry.type()))
                .put("contentType", CloudEvent.CONTENT_TYPE)
                .<ObjectNode> set("payload", envelope)
                .set("bindings", JSON.objectNode().set("kafka", kafkaKey()));
    }

    private static ObjectNode deadLetter(String topic) {
        ObjectNode headers = JSON.objectNode().put("type", "object");
        headers.putArray("required").add(DEAD_LETTER_REASON);
        ObjectNode headerProperties = headers.putObject("properties");
        headerProperties.set(DEAD_LETTER_REASON, JSON.objectNode().put("type", "string")
                .put("description", "Why the record could not be processed (the failure's message)."));
        headerProperties.set("dead-letter-cause", JSON.objectNode().put("type", "string")
                .put("description", "The failure's cause, when it had one."));
        headerProperties.set("dead-letter-topic", JSON.objectNode().put("type", "string").put("const", topic)
                .put("description", "The topic the record was read from."));
        headerProperties.set("dead-letter-partition", JSON.objectNode().put("type", "string")
                .put("description", "Its partition there."));
        headerProperties.set("dead-letter-offset", JSON.objectNode().put("type", "string")
                .put("description", "Its offset there."));
        return JSON.objectNode().put("name", Topics.dlq(topic))
                .put("title", "Dead letter of " + topic)
                .put("summary", "The record exactly as read from " + topic + " (usually one of its messages, "
                        + "possibly the malformed value that could not be read), with the reason in a header.")
                .<ObjectNode> set("headers", headers)
                .<ObjectNode> set("payload", JSON.objectNode().put("description",
                        "The unchanged record value of " + topic + "."))
                .set("bindings", JSON.objectNode().set("kafka", kafkaKey()));
    }

    private static ObjectNode kafkaKey() {
        return JSON.objectNode().<ObjectNode> set("key", JSON.objectNode().put("type", "string").put("minLength", 1)
                .put("maxLength", 255).put("description", "The patient id (Keycloak subject), as in the subject."))
                .put("bindingVersion", "0.5.0");
    }

    /** A published schema without the keywords that only identify it as a standalone draft 2020-12 document. */
    private static ObjectNode schema(String path) {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + path);
            }
            ObjectNode schema = (ObjectNode) MAPPER.readTree(in);
            schema.remove(List.of("$schema", "$id"));
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode ref(String target) {
        return JSON.objectNode().put("$ref", target);
    }

    private static String channelName(String topic) {
        String[] parts = topic.split("\\.");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(pascal(parts[i]));
        }
        return name.toString();
    }

    private static String pascal(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
