package org.careweave.platform.inbox;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.tracing.EventTraces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Idempotent consumption: the event id is recorded in the same transaction as the projection
 * update, so a redelivered event changes nothing. A handler that keeps failing, or a record that is
 * not a CloudEvent, is nacked with an {@link UnprocessableEventException}; the channel's dead-letter
 * strategy then moves the record to {@code <topic>.dlq} with the reason in a header. A handler that
 * fails once shutdown began leaves the record unacknowledged: its offset is not committed and the
 * event comes again after the restart.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ShutdownState shutdown;
    private final int maxAttempts;
    private final Duration backoff;

    @Inject
    EventTraces traces;

    @Inject
    DeadLetters deadLetters;

    @Inject
    public Inbox(EntityManager em, ObjectMapper mapper, ShutdownState shutdown,
            @ConfigProperty(name = "careweave.inbox.max-attempts") int maxAttempts,
            @ConfigProperty(name = "careweave.inbox.retry-backoff") Duration backoff) {
        this.em = em;
        this.mapper = mapper;
        this.shutdown = shutdown;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /**
     * Applies {@code handler} to the CloudEvent in {@code message} once per {@code consumer}.
     *
     * @return what the incoming method returns: acks the message once the event is applied (or had
     *         been before), nacks it when the event is unprocessable, and never completes when the
     *         handler failed during shutdown
     */
    public CompletionStage<Void> consume(String consumer, Message<String> message, Consumer<CloudEvent> handler) {
        CloudEvent event;
        try {
            event = mapper.readValue(message.getPayload(), CloudEvent.class);
        } catch (Exception e) {
            return deadLetters.nack(consumer, message,
                    new UnprocessableEventException("Not a CloudEvent: " + e.getClass().getSimpleName(), e));
        }
        Consumer<CloudEvent> traced = traces.traced(consumer, message, handler);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                pause();
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (recordFirstDelivery(consumer, event)) {
                        traced.accept(event);
                    }
                });
                return message.ack();
            } catch (RuntimeException e) {
                if (shutdown.begun()) {
                    LOG.infof("%s: event %s (%s) failed during shutdown (%s); left unacknowledged for redelivery",
                            consumer, event.id(), event.type(), e.getClass().getSimpleName());
                    // Neither ack nor nack: the commit strategy never commits past this record.
                    return new CompletableFuture<>();
                }
                last = e;
                LOG.warnf("%s: attempt %d/%d for event %s (%s) failed: %s", consumer, attempt, maxAttempts,
                        event.id(), event.type(), e.getClass().getSimpleName());
            }
        }
        return deadLetters.nack(consumer, message, new UnprocessableEventException("Handler of " + consumer
                + " failed " + maxAttempts + " times for " + event.type() + ": " + rootCause(last), last));
    }

    private boolean recordFirstDelivery(String consumer, CloudEvent event) {
        return em.createNativeQuery("insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3) "
                + "on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate() == 1;
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
