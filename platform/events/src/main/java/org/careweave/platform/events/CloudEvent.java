package org.careweave.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as it travels on Kafka.
 *
 * @param source  URI reference of the publishing service, e.g. {@code /careweave/therapy-service}
 * @param subject the patient id, also the Kafka record key
 * @param data    the payload; read it with {@link #dataAs(Class, ObjectMapper)}
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        // Pinned to a string so the envelope matches cloudevent.json whatever the mapper's date settings.
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String SCHEMA_PATH = EventCatalog.SCHEMA_DIR + "cloudevent.json";

    public CloudEvent {
        Objects.requireNonNull(specversion, "specversion");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(datacontenttype, "datacontenttype");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Wraps a catalog payload in a new event (fresh id, current time).
     *
     * @param mapper must write java.time values as ISO-8601 strings (Quarkus' default), as the schemas require
     */
    public static CloudEvent of(String source, EventPayload payload, ObjectMapper mapper) {
        EventCatalog entry = EventCatalog.forPayload(payload.getClass())
                .orElseThrow(() -> new IllegalArgumentException(payload.getClass().getName() + " is not in the EventCatalog"));
        if (mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
            throw new IllegalArgumentException("The ObjectMapper writes dates as timestamps; event data needs ISO-8601 strings");
        }
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, entry.type(), payload.patientId(),
                Instant.now(), CONTENT_TYPE, mapper.valueToTree(payload));
    }

    /** The catalog entry for {@link #type()}; empty for a type this build does not know (e.g. a newer version). */
    public Optional<EventCatalog> catalogEntry() {
        return EventCatalog.forType(type);
    }

    /**
     * Reads {@link #data()} as the payload record of this event's type.
     *
     * @throws IllegalArgumentException if the type is unknown, is not {@code payloadType}, or the data does not fit it;
     *                                  such an event is poison and belongs on the dead-letter topic
     */
    public <T extends EventPayload> T dataAs(Class<T> payloadType, ObjectMapper mapper) {
        EventCatalog entry = catalogEntry()
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + type));
        if (entry.payloadType() != payloadType) {
            throw new IllegalArgumentException("Event type " + type + " carries " + entry.payloadType().getSimpleName()
                    + ", not " + payloadType.getSimpleName());
        }
        try {
            return mapper.treeToValue(data, payloadType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Data of event " + id + " does not fit " + type, e);
        }
    }
}
