package org.careweave.platform.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

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
            return notACloudEvent(consumer, message, e);
        }
        Outcome outcome = applyWithRetries(consumer, message, event, handler);
        return outcome.applied() ? message.ack() : outcome.instead();
    }

    /**
     * Applies {@code handler} to the CloudEvents of a polled batch of records ({@code batch=true} on the channel)
     * once per {@code consumer}, all in one transaction: one commit, and one turn of any lock the handler holds
     * until commit, for the whole batch instead of one per event. Each event's already-processed check is its own.
     * When that transaction fails, nothing of it stays and the batch is applied again one event per transaction,
     * exactly as {@link #consume(String, Message, Consumer)} does: retries, dead letters and shutdown alike. A
     * record that is not a CloudEvent goes to the dead-letter topic on its own and the others are applied.
     *
     * @return acks the batch (every partition up to its last record) once all of it is applied or dead-lettered,
     *         and never completes when a handler failed during shutdown
     */
    public CompletionStage<Void> consumeBatch(String consumer, KafkaRecordBatch<String, String> batch,
            Consumer<CloudEvent> handler) {
        List<KafkaRecord<String, String>> records = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(mapper.readValue(record.getPayload(), CloudEvent.class));
                records.add(record);
            } catch (Exception e) {
                deadLettered.add(notACloudEvent(consumer, record, e).toCompletableFuture());
            }
        }
        if (!applyAllAtOnce(consumer, records, events, handler)) {
            for (int i = 0; i < records.size(); i++) {
                Outcome outcome = applyWithRetries(consumer, records.get(i), events.get(i), handler);
                if (outcome.applied()) {
                    continue;
                }
                if (shutdown.begun()) {
                    // Left for redelivery: no offset of this batch is committed, the inbox absorbs what was applied.
                    return outcome.instead();
                }
                deadLettered.add(outcome.instead().toCompletableFuture());
            }
        }
        // The dead-letter topic holds the failed records before the offsets move past them.
        return CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /** True when every event was applied (or had been before) in one committed transaction. */
    private boolean applyAllAtOnce(String consumer, List<KafkaRecord<String, String>> records, List<CloudEvent> events,
            Consumer<CloudEvent> handler) {
        if (events.isEmpty()) {
            return true;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < events.size(); i++) {
                    CloudEvent event = events.get(i);
                    if (recordFirstDelivery(consumer, event)) {
                        traces.traced(consumer, records.get(i), handler).accept(event);
                        // Each event starts with an empty persistence context, as in a transaction of its own: else
                        // every query's auto-flush dirty-checks all entities the batch loaded so far.
                        em.flush();
                        em.clear();
                    }
                }
            });
            return true;
        } catch (RuntimeException e) {
            if (events.size() > 1) {
                LOG.infof("%s: a batch of %d events failed together (%s); applying them one by one", consumer,
                        events.size(), rootCause(e));
            }
            return false;
        }
    }

    private CompletionStage<Void> notACloudEvent(String consumer, Message<String> message, Exception e) {
        return deadLetters.nack(consumer, message,
                new UnprocessableEventException("Not a CloudEvent: " + e.getClass().getSimpleName(), e));
    }

    /**
     * The event applied in a transaction of its own, with retries: applied, or else the stage to return instead of
     * an ack (the nack to the dead-letter topic, or one that never completes when shutdown began).
     */
    private Outcome applyWithRetries(String consumer, Message<String> message, CloudEvent event,
            Consumer<CloudEvent> handler) {
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
                return Outcome.APPLIED;
            } catch (RuntimeException e) {
                if (shutdown.begun()) {
                    return new Outcome(leftForRedelivery(consumer, event, e));
                }
                boolean transientFailure = TransientFailure.is(e);
                if (!transientFailure) {
                    deterministicFailures++;
                }
                if (deterministicFailures >= maxAttempts || System.nanoTime() - retryUntil > 0) {
                    return new Outcome(deadLetters.nack(consumer, message, new UnprocessableEventException("Handler of "
                            + consumer + " failed " + attempt + " times for " + event.type() + ": " + rootCause(e), e)));
                }
                LOG.warnf("%s: attempt %d for event %s (%s) failed (%s, %s); retrying in %d ms", consumer, attempt,
                        event.id(), event.type(), rootCause(e), transientFailure ? "transient" : "not transient",
                        pause.toMillis());
                if (!sleep(pause) || shutdown.begun()) {
                    return new Outcome(leftForRedelivery(consumer, event, e));
                }
                if (transientFailure) {
                    pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
                }
            }
        }
    }

    /** Applied, or else the stage the incoming method returns instead of an ack. */
    private record Outcome(CompletionStage<Void> instead) {

        static final Outcome APPLIED = new Outcome(null);

        boolean applied() {
            return instead == null;
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
