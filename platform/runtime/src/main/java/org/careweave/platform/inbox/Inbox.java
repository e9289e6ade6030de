package org.careweave.platform.inbox;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.careweave.platform.events.CloudEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Idempotent consumption: the event id is recorded in the same transaction as the projection
 * update, so a redelivered event changes nothing. A handler that keeps failing, or a record that is
 * not a CloudEvent, raises {@link UnprocessableEventException}; the channel's dead-letter strategy
 * then moves the record to {@code <topic>.dlq} with the reason in a header.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final int maxAttempts;
    private final Duration backoff;

    @Inject
    public Inbox(EntityManager em, ObjectMapper mapper,
            @ConfigProperty(name = "careweave.inbox.max-attempts") int maxAttempts,
            @ConfigProperty(name = "careweave.inbox.retry-backoff") Duration backoff) {
        this.em = em;
        this.mapper = mapper;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /**
     * Applies {@code handler} to the event in {@code json} once per {@code consumer}.
     *
     * @return true when the handler ran, false when the event had been processed before
     */
    public boolean consume(String consumer, String json, Consumer<CloudEvent> handler) {
        CloudEvent event = parse(json);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!recordFirstDelivery(consumer, event)) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("%s: attempt %d/%d for event %s (%s) failed: %s", consumer, attempt, maxAttempts,
                        event.id(), event.type(), e.getClass().getSimpleName());
                pause();
            }
        }
        throw new UnprocessableEventException("Handler of " + consumer + " failed " + maxAttempts + " times for "
                + event.type() + ": " + rootCause(last), last);
    }

    private boolean recordFirstDelivery(String consumer, CloudEvent event) {
        return em.createNativeQuery("insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3) "
                + "on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate() == 1;
    }

    private CloudEvent parse(String json) {
        try {
            return mapper.readValue(json, CloudEvent.class);
        } catch (Exception e) {
            throw new UnprocessableEventException("Not a CloudEvent: " + e.getClass().getSimpleName(), e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
