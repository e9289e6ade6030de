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
 * update, so a redelivered event changes nothing.
 * <p>
 * A transient failure (see {@link TransientFailure}: the database away, a pool or lock timeout) is retried with
 * exponential backoff for as long as {@code careweave.inbox.transient-retry-for}, so an outage of minutes loses
 * no urgent flag. A record that is not a CloudEvent, or a handler that fails the same way
 * {@code careweave.inbox.max-attempts} times, is nacked with an {@link UnprocessableEventException}; the channel's
 * dead-letter strategy then moves the record to {@code <topic>.dlq} with the reason in a header, from where an
 * admin replays it after a fix ({@code DeadLetterResource}). A handler that fails once shutdown began leaves the
 * record unacknowledged: its offset is not committed and the event comes again after the restart.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ShutdownState shutdown;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Duration transientRetryFor;

    @Inject
    EventTraces traces;

    @Inject
    DeadLetterSender deadLetters;

    @Inject
    public Inbox(EntityManager em, ObjectMapper mapper, ShutdownState shutdown,
            @ConfigProperty(name = "careweave.inbox.max-attempts") int maxAttempts,
            @ConfigProperty(name = "careweave.inbox.retry-backoff") Duration backoff,
            @ConfigProperty(name = "careweave.inbox.max-backoff") Duration maxBackoff,
            @ConfigProperty(name = "careweave.inbox.transient-retry-for") Duration transientRetryFor) {
        this.em = em;
        this.mapper = mapper;
        this.shutdown = shutdown;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.transientRetryFor = transientRetryFor;
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
        long retryUntil = System.nanoTime() + transientRetryFor.toNanos();
        Duration pause = backoff;
        int deterministicFailures = 0;
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (recordFirstDelivery(consumer, event)) {
                        traced.accept(event);
                    }
                });
                if (attempt > 1) {
                    LOG.infof("%s: event %s (%s) applied on attempt %d", consumer, event.id(), event.type(), attempt);
                }
                return message.ack();
            } catch (RuntimeException e) {
                if (shutdown.begun()) {
                    return leftForRedelivery(consumer, event, e);
                }
                boolean transientFailure = TransientFailure.is(e);
                if (!transientFailure) {
                    deterministicFailures++;
                }
                if (deterministicFailures >= maxAttempts || System.nanoTime() - retryUntil > 0) {
                    return deadLetters.nack(consumer, message, new UnprocessableEventException("Handler of " + consumer
                            + " failed " + attempt + " times for " + event.type() + ": " + rootCause(e), e));
                }
                LOG.warnf("%s: attempt %d for event %s (%s) failed (%s, %s); retrying in %d ms", consumer, attempt,
                        event.id(), event.type(), rootCause(e), transientFailure ? "transient" : "not transient",
                        pause.toMillis());
                if (!sleep(pause) || shutdown.begun()) {
                    return leftForRedelivery(consumer, event, e);
                }
                if (transientFailure) {
                    pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
                }
            }
        }
    }

    private static CompletionStage<Void> leftForRedelivery(String consumer, CloudEvent event, RuntimeException e) {
        LOG.infof("%s: event %s (%s) failed during shutdown (%s); left unacknowledged for redelivery",
                consumer, event.id(), event.type(), e.getClass().getSimpleName());
        // Neither ack nor nack: the commit strategy never commits past this record.
        return new CompletableFuture<>();
    }

    private boolean recordFirstDelivery(String consumer, CloudEvent event) {
        return em.createNativeQuery("insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3) "
                + "on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate() == 1;
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
