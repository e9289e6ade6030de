package org.careweave.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.EventCatalog;
import org.careweave.platform.events.EventPayload;
import org.careweave.platform.tracing.EventTraces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Publishes domain events through the transactional outbox: the event is stored in the caller's
 * transaction, so it exists exactly when the state change it describes was committed.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;
    private final String source;

    @Inject
    EventTraces traces;

    @Inject
    public Outbox(ObjectMapper mapper, Event<OutboxWritten> written,
            @ConfigProperty(name = "careweave.events.source") String source) {
        this.mapper = mapper;
        this.written = written;
        this.source = source;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(EventPayload payload) {
        EventCatalog entry = EventCatalog.forPayload(payload.getClass())
                .orElseThrow(() -> new IllegalArgumentException("Not in the event catalog: " + payload.getClass().getName()));
        CloudEvent event = CloudEvent.of(source, payload, mapper);
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = entry.topic();
        row.messageKey = payload.patientId();
        row.eventType = event.type();
        row.payload = toJson(event);
        row.createdAt = Instant.now();
        row.traceparent = traces.currentTraceparent();
        row.persist();
        written.fire(new OutboxWritten());
        return event;
    }

    private String toJson(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be serialized", e);
        }
    }

    /** Fired inside the writing transaction; the relay observes it after a successful commit. */
    public record OutboxWritten() {
    }
}
