package org.careweave.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.careweave.platform.tracing.EventTraces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends outbox rows to Kafka in row order, one at a time, waiting for acks=all before marking a row
 * sent. It stops at the first failure so a later event of the same patient never overtakes an
 * earlier one; the periodic sweep picks up from there.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** pg advisory lock key: one relay per database at a time, also across replicas. */
    private static final long RELAY_LOCK = 0x0CA7E_0B0BL;
    private static final String CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8";

    private final Emitter<String> emitter;
    private final EntityManager em;
    private final int batchSize;
    private final Duration sendTimeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean drainPending = new AtomicBoolean();

    @Inject
    EventTraces traces;

    @Inject
    public OutboxRelay(@Channel("outbox") Emitter<String> emitter, EntityManager em,
            @ConfigProperty(name = "careweave.outbox.batch-size") int batchSize,
            @ConfigProperty(name = "careweave.outbox.send-timeout") Duration sendTimeout) {
        this.emitter = emitter;
        this.em = em;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        requestDrain();
    }

    @Scheduled(every = "${careweave.outbox.sweep-interval}", delayed = "${careweave.outbox.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        requestDrain();
    }

    /** Coalesces many commit signals into one drain on the relay thread. */
    public void requestDrain() {
        if (drainPending.compareAndSet(false, true)) {
            worker.execute(() -> {
                drainPending.set(false);
                try {
                    drain();
                } catch (RuntimeException e) {
                    LOG.warnf("Outbox drain failed (%s); the sweep retries", e.getClass().getSimpleName());
                }
            });
        }
    }

    /** Sends everything unsent; returns how many rows were sent. */
    public int drain() {
        int total = 0;
        while (true) {
            Batch batch = QuarkusTransaction.requiringNew().call(this::sendBatch);
            total += batch.sent();
            if (batch.stopped() || batch.sent() < batchSize) {
                return total;
            }
        }
    }

    private Batch sendBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!locked) {
            return new Batch(0, true);
        }
        List<OutboxEvent> rows = OutboxEvent.nextUnsent(batchSize);
        int sent = 0;
        for (OutboxEvent row : rows) {
            try {
                send(row);
                row.sentAt = Instant.now();
                sent++;
            } catch (Exception e) {
                row.attempts++;
                row.lastError = describe(e);
                LOG.warnf("Outbox event %s (%s) not sent yet: %s", row.eventId, row.eventType, row.lastError);
                return new Batch(sent, true);
            }
        }
        return new Batch(sent, false);
    }

    private void send(OutboxEvent row) throws Exception {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CLOUDEVENTS_JSON.getBytes());
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .withHeaders(headers)
                .build();
        Message<String> message = Message.of(row.payload, traces.continuing(row.traceparent, Metadata.of(kafka)),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        acked.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String describe(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private record Batch(int sent, boolean stopped) {
    }
}
