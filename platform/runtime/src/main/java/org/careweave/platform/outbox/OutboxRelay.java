package org.careweave.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.careweave.platform.tracing.EventTraces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Relays outbox rows to Kafka (acks=all) without ever holding a database transaction while Kafka
 * works. Each round:
 * <ol>
 * <li>claims up to a batch of rows in a short transaction: it writes a claim token and a lease
 * ({@code claimed_until}) on them. Claim transactions of all relays of a database are serialized by
 * an advisory lock (they last milliseconds; a relay that finds it taken tries again after
 * {@code busy-retry}, as it does when another relay holds rows ahead of its own), and a row is only claimable when no earlier pending row
 * of its key is claimed by another relay or waiting for a retry, so two relays never hold the same
 * row nor rows of the same key;</li>
 * <li>sends them with no transaction open: the rows of one key one after the other (the next only
 * after the previous one's ack, so a failure never lets a later event overtake), different keys in
 * parallel, starting with one key and widening as acks come back (an unreachable broker costs one
 * send timeout per round, not one per row);</li>
 * <li>records the outcome in a short transaction: acked rows SENT, failed rows counted, unsent
 * rows released. A row whose outcome is still unknown keeps its claim until the lease ends.</li>
 * </ol>
 * A failure counts as the row's own rejection when Kafka refused that record for good (record too
 * large, authorization, serialization) or accepted other records in the same round; a broker outage
 * therefore parks nothing. After {@code max-rejections} rejections (with back-off between them) a
 * row is PARKED: counted in {@code careweave.outbox.parked}, logged with the reason, and no longer
 * holds back its key's later events. Sending is at least once: a record whose ack is lost is sent
 * again, and consumers' inboxes make that harmless.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** pg advisory lock key serializing the claim transactions of every relay on this database. */
    static final long CLAIM_LOCK = 0x0CA7E_0B0BL;
    private static final String CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8";

    private final Emitter<String> emitter;
    private final EntityManager em;
    private final int batchSize;
    private final int maxInFlightKeys;
    private final Duration claimLease;
    private final Duration busyRetry;
    private final Duration failureRetry;
    private final int maxRejections;
    private final Duration retryBackoff;
    private final Duration maxBackoff;
    private final Counter parked;
    private final ScheduledExecutorService worker = Executors
            .newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
    /** Starts follow-up sends off Kafka's callback threads. */
    private final ExecutorService sender = Executors.newFixedThreadPool(2, r -> new Thread(r, "outbox-send"));
    private final AtomicBoolean drainPending = new AtomicBoolean();

    @Inject
    EventTraces traces;

    @Inject
    public OutboxRelay(@Channel("outbox") Emitter<String> emitter, EntityManager em, MeterRegistry registry,
            @ConfigProperty(name = "careweave.outbox.batch-size") int batchSize,
            @ConfigProperty(name = "careweave.outbox.max-in-flight-keys") int maxInFlightKeys,
            @ConfigProperty(name = "careweave.outbox.claim-lease") Duration claimLease,
            @ConfigProperty(name = "careweave.outbox.busy-retry") Duration busyRetry,
            @ConfigProperty(name = "careweave.outbox.failure-retry") Duration failureRetry,
            @ConfigProperty(name = "careweave.outbox.max-rejections") int maxRejections,
            @ConfigProperty(name = "careweave.outbox.retry-backoff") Duration retryBackoff,
            @ConfigProperty(name = "careweave.outbox.max-backoff") Duration maxBackoff) {
        this.emitter = emitter;
        this.em = em;
        this.batchSize = batchSize;
        this.maxInFlightKeys = maxInFlightKeys;
        this.claimLease = claimLease;
        this.busyRetry = busyRetry;
        this.failureRetry = failureRetry;
        this.maxRejections = maxRejections;
        this.retryBackoff = retryBackoff;
        this.maxBackoff = maxBackoff;
        this.parked = Counter.builder("careweave.outbox.parked")
                .description("Outbox events parked because Kafka kept rejecting them")
                .register(registry);
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
                    Progress progress = drainRounds();
                    if (progress.othersBusy()) {
                        // Another relay holds rows ahead of ours: look again soon, not at the next sweep.
                        worker.schedule(this::requestDrain, busyRetry.toMillis(), TimeUnit.MILLISECONDS);
                    } else if (progress.unsent()) {
                        // Kafka is away: try again soon, so events flow within a second or so of its return.
                        worker.schedule(this::requestDrain, failureRetry.toMillis(), TimeUnit.MILLISECONDS);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("Outbox drain failed (%s); the sweep retries", e.getClass().getSimpleName());
                }
            });
        }
    }

    /**
     * Sends what is claimable now, round after round while rounds make progress; returns how many rows
     * were sent. Safe to call from several threads and replicas at once: each call is a relay of its own.
     */
    public int drain() {
        return drainRounds().sent();
    }

    private Progress drainRounds() {
        int total = 0;
        while (true) {
            Progress round = runRound();
            total += round.sent();
            if (round.sent() == 0) {
                return new Progress(total, round.othersBusy(), round.unsent());
            }
        }
    }

    private Progress runRound() {
        UUID token = UUID.randomUUID();
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(token));
        if (claim.rows().isEmpty()) {
            return new Progress(0, claim.othersBusy(), false);
        }
        Round round = new Round(claim.rows(), System.nanoTime() + claimLease.toNanos() / 2);
        round.start();
        try {
            round.done.get(claimLease.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("Outbox sends still unanswered after %s; their rows stay claimed until the lease ends",
                    claimLease);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Outbox round failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        round.close();
        QuarkusTransaction.requiringNew().run(() -> record(round));
        return new Progress(round.acked.size(), claim.othersBusy(),
                !round.failed.isEmpty() || !round.notStarted.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private Claim claim(UUID token) {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, CLAIM_LOCK).getSingleResult();
        if (!locked) {
            // Another relay is claiming this very moment (it takes milliseconds): come back shortly.
            return new Claim(List.of(), true);
        }
        // A key is held from its first pending row that another relay holds or that waits for a retry.
        List<Number> ids = em.createNativeQuery("""
                select id from (
                    select id, bool_or(coalesce(claimed_until > now(), false) or coalesce(next_attempt_at > now(), false))
                               over (partition by message_key order by id) as held
                    from outbox_event where status = 'PENDING') pending
                where not held order by id limit ?1""")
                .setParameter(1, batchSize).getResultList();
        boolean othersBusy = !em.createNativeQuery(
                "select 1 from outbox_event where status = 'PENDING' and claimed_until > now() limit 1")
                .getResultList().isEmpty();
        if (ids.isEmpty()) {
            return new Claim(List.of(), othersBusy);
        }
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        em.createNativeQuery("update outbox_event set claim_token = ?1, claimed_until = now() + ?2 * interval '1 millisecond'"
                + " where id in (?3)")
                .setParameter(1, token)
                .setParameter(2, claimLease.toMillis())
                .setParameter(3, claimed)
                .executeUpdate();
        List<OutboxEvent> rows = OutboxEvent.list("id in ?1 order by id", claimed);
        return new Claim(rows, othersBusy);
    }

    private void record(Round round) {
        Instant now = Instant.now();
        List<Long> acked = List.copyOf(round.acked);
        if (!acked.isEmpty()) {
            OutboxEvent.update("status = ?1, sentAt = ?2, claimToken = null, claimedUntil = null, nextAttemptAt = null "
                    + "where id in ?3 and status = ?4", OutboxEvent.Status.SENT, now, acked, OutboxEvent.Status.PENDING);
        }
        for (Map.Entry<Long, Throwable> failure : round.failed.entrySet()) {
            OutboxEvent row = OutboxEvent.findById(failure.getKey());
            if (row != null && row.status == OutboxEvent.Status.PENDING) {
                recordFailure(row, failure.getValue(), !acked.isEmpty(), now);
            }
        }
        if (!round.notStarted.isEmpty()) {
            OutboxEvent.update("claimToken = null, claimedUntil = null where id in ?1 and status = ?2",
                    List.copyOf(round.notStarted), OutboxEvent.Status.PENDING);
        }
    }

    private void recordFailure(OutboxEvent row, Throwable failure, boolean kafkaAcceptedOthers, Instant now) {
        row.attempts++;
        row.lastError = describe(failure);
        row.claimToken = null;
        row.claimedUntil = null;
        if (kafkaAcceptedOthers || !isRetriable(failure)) {
            row.rejections++;
            if (row.rejections >= maxRejections) {
                row.status = OutboxEvent.Status.PARKED;
                row.parkedAt = now;
                parked.increment();
                // No payload and no key here: the log must not carry patient data.
                LOG.errorf("Outbox event %s (%s, row %d) PARKED after %d rejections, later events of its key go on: %s",
                        row.eventId, row.eventType, row.id, row.rejections, row.lastError);
                return;
            }
            long factor = 1L << Math.min(row.rejections - 1, 20);
            Duration backoff = retryBackoff.multipliedBy(factor);
            row.nextAttemptAt = now.plus(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
            LOG.warnf("Outbox event %s (%s) rejected (%d of %d): %s", row.eventId, row.eventType, row.rejections,
                    maxRejections, row.lastError);
        } else {
            LOG.warnf("Outbox event %s (%s) not sent yet, Kafka unavailable: %s", row.eventId, row.eventType,
                    row.lastError);
        }
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
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
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Kafka's own verdict decides; anything else (a closed channel, a timeout) is taken as an outage. */
    private static boolean isRetriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
            if (t instanceof KafkaException) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof KafkaException)) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        sender.shutdownNow();
    }

    private record Claim(List<OutboxEvent> rows, boolean othersBusy) {
    }

    /** {@code unsent}: the round ended with claimed rows that Kafka did not take. */
    private record Progress(int sent, boolean othersBusy, boolean unsent) {
    }

    /**
     * One round's sends: a chain per key, started one at a time at first and widened by acks. A
     * retriable failure before any ack means Kafka is unreachable: no further chain starts.
     */
    private final class Round {

        final Set<Long> acked = ConcurrentHashMap.newKeySet();
        final Map<Long, Throwable> failed = new ConcurrentHashMap<>();
        final Set<Long> notStarted = ConcurrentHashMap.newKeySet();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final Deque<List<OutboxEvent>> waiting = new ArrayDeque<>();
        private final long deadline;
        private int running;
        private boolean unreachable;
        private boolean closed;

        Round(List<OutboxEvent> rows, long deadline) {
            Map<String, List<OutboxEvent>> byKey = new LinkedHashMap<>();
            for (OutboxEvent row : rows) {
                byKey.computeIfAbsent(row.messageKey, k -> new ArrayList<>()).add(row);
                notStarted.add(row.id);
            }
            waiting.addAll(byKey.values());
            this.deadline = deadline;
        }

        synchronized void start() {
            launch(1);
        }

        /** After close, late callbacks change nothing that is recorded. */
        synchronized void close() {
            closed = true;
            waiting.clear();
        }

        private void launch(int chains) {
            for (int i = 0; i < chains && running < maxInFlightKeys && mayStart() && !waiting.isEmpty(); i++) {
                running++;
                sendFrom(waiting.poll(), 0);
            }
            if (running == 0) {
                done.complete(null);
            }
        }

        private boolean mayStart() {
            return !closed && !unreachable && System.nanoTime() < deadline;
        }

        private void sendFrom(List<OutboxEvent> chain, int index) {
            OutboxEvent row = chain.get(index);
            notStarted.remove(row.id);
            send(row).whenCompleteAsync((ok, failure) -> {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    if (failure == null) {
                        acked.add(row.id);
                        if (index + 1 < chain.size() && mayStart()) {
                            sendFrom(chain, index + 1);
                            launch(1);
                            return;
                        }
                        running--;
                        launch(2);
                        return;
                    }
                    failed.put(row.id, failure);
                    if (acked.isEmpty() && isRetriable(failure)) {
                        unreachable = true;
                    }
                    running--;
                    launch(1);
                }
            }, sender);
        }
    }
}
