package org.careweave.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
 *
 * <p>Before the row is inserted, the transaction takes a transaction-scoped advisory lock on the
 * event's key (the patient). A second transaction publishing for the same patient waits there until
 * the first one has committed or rolled back, so it draws its row id only afterwards: per key, row
 * id order is commit order, and a row is never visible while an earlier-committing row of its key
 * is not. The relay sends each key's rows in id order, hence in commit order.
 */
@ApplicationScoped
public class Outbox {

    /** Advisory lock class of the per-key publish locks; the relay's own locks use single-key locks. */
    static final int KEY_LOCK_CLASS = 0x0CA7E;

    private final ObjectMapper mapper;
    private final EntityManager em;
    private final Event<OutboxWritten> written;
    private final String source;

    @Inject
    EventTraces traces;

    @Inject
    public Outbox(ObjectMapper mapper, EntityManager em, Event<OutboxWritten> written,
            @ConfigProperty(name = "careweave.events.source") String source) {
        this.mapper = mapper;
        this.em = em;
        this.written = written;
        this.source = source;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(EventPayload payload) {
        EventCatalog entry = EventCatalog.forPayload(payload.getClass())
                .orElseThrow(() -> new IllegalArgumentException("Not in the event catalog: " + payload.getClass().getName()));
        CloudEvent event = CloudEvent.of(source, payload, mapper);
        lockKey(payload.patientId());
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = entry.topic();
        row.messageKey = payload.patientId();
        row.eventType = event.type();
        row.payload = toJson(event);
        row.createdAt = Instant.now();
        row.traceparent = traces.currentTraceparent();
        row.status = OutboxEvent.Status.PENDING;
        row.persist();
        written.fire(new OutboxWritten());
        return event;
    }

    /** Held until this transaction ends; hash collisions between keys only make publishers wait. */
    private void lockKey(String key) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, hashtext(?2))) locked")
                .setParameter(1, KEY_LOCK_CLASS)
                .setParameter(2, key)
                .getSingleResult();
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
