package org.careweave.careplan.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.careweave.careplan.domain.CarePlan;
import org.careweave.careplan.domain.Timeline;
import org.careweave.careplan.domain.TimelineEntry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Live timeline entries of a provider's care-team patients. Every follower reads committed entries after its
 * cursor from the database, woken by this instance's commits and, for entries written by other replicas, by a
 * periodic poll; reading by cursor is what makes a resumed stream gap-free.
 */
@ApplicationScoped
public class ProviderFeed {

    private static final int BATCH = 200;

    private final BroadcastProcessor<Long> committed = BroadcastProcessor.create();
    private final Duration pollInterval;
    private final Duration heartbeatInterval;

    @Inject
    FeedSubscribers subscribers;

    public ProviderFeed(@ConfigProperty(name = "careweave.feed.poll-interval") Duration pollInterval,
            @ConfigProperty(name = "careweave.feed.heartbeat-interval") Duration heartbeatInterval) {
        this.pollInterval = pollInterval;
        this.heartbeatInterval = heartbeatInterval;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Timeline.Appended appended) {
        committed.onNext(appended.seq());
    }

    /**
     * Entries (in seq order) after {@code lastSeen}, interleaved with heartbeats (null entries).
     *
     * @param allUrgentFlags also every patient's urgent flags: care coordinators answer those even before a
     *                       patient has a care team
     */
    public Multi<FeedItem> follow(String providerId, boolean allUrgentFlags, long lastSeen) {
        AtomicLong cursor = new AtomicLong(lastSeen);
        Multi<Object> wakeups = Multi.createBy().merging().streams(
                Multi.createFrom().item((Object) "start"),
                committed.onOverflow().drop().map(seq -> (Object) seq),
                Multi.createFrom().ticks().every(pollInterval).onOverflow().drop().map(tick -> (Object) tick));
        Multi<FeedItem> entries = wakeups
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToMultiAndConcatenate(wakeup -> batches(providerId, allUrgentFlags, cursor));
        Multi<FeedItem> heartbeats = Multi.createFrom().ticks().every(heartbeatInterval).onOverflow().drop()
                .map(tick -> FeedItem.HEARTBEAT);
        return subscribers.counted(Multi.createBy().merging().streams(entries, heartbeats));
    }

    public long lastSeq() {
        return QuarkusTransaction.requiringNew().call(TimelineEntry::lastSeq);
    }

    /**
     * The entries after the cursor, one batch per database read and read only as the client takes them: a
     * reconnect with {@code Last-Event-ID: 0} streams the whole history without holding it in memory.
     */
    private Multi<FeedItem> batches(String providerId, boolean allUrgentFlags, AtomicLong cursor) {
        return Multi.createBy().repeating().supplier(() -> nextBatch(providerId, allUrgentFlags, cursor))
                .whilst(batch -> batch.size() == BATCH)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(batch -> batch);
    }

    private List<FeedItem> nextBatch(String providerId, boolean allUrgentFlags, AtomicLong cursor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> patients = CarePlan.onTeamOf(providerId).stream().map(p -> p.patientId).distinct().toList();
            if (patients.isEmpty() && !allUrgentFlags) {
                return List.of();
            }
            List<FeedItem> items = new ArrayList<>();
            for (TimelineEntry entry : TimelineEntry.after(cursor.get(), patients, allUrgentFlags, BATCH)) {
                items.add(new FeedItem(entry));
                cursor.set(entry.seq);
            }
            return items;
        });
    }

    /** A timeline entry to send, or the heartbeat that keeps idle connections open through proxies. */
    public record FeedItem(TimelineEntry entry) {
        public static final FeedItem HEARTBEAT = new FeedItem(null);
    }
}
