package org.careweave.careplan.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.careweave.careplan.domain.CarePlan;
import org.careweave.careplan.domain.Timeline;
import org.careweave.careplan.domain.TimelineEntry;
import org.careweave.careplan.domain.TimelineKind;
import org.careweave.platform.notify.NotificationChannels;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;

/**
 * Live timeline entries of providers' care-team patients, fanned out from one shared read per commit batch.
 *
 * <p>A single reader thread reads every entry after its position ({@code seq > position}, in batches) when woken:
 * by this replica's commits, by the seq another replica NOTIFYs on {@code careweave.feed.channel}, and by a slow
 * safety-net poll. It hands each entry to the followers of the patient's team members (teams kept in memory) and,
 * for urgent flags, to care coordinators. Appends commit in seq order (see {@link Timeline}), so reading by
 * position misses nothing. Followers behind the reader catch up from the database by their own cursor first.
 */
@ApplicationScoped
public class ProviderFeed {

    static final int BATCH = 200;

    private static final Logger LOG = Logger.getLogger(ProviderFeed.class);
    private static final Set<TimelineKind> TEAM_CHANGES = EnumSet.of(TimelineKind.PLAN_CREATED,
            TimelineKind.CARE_TEAM_CHANGED);

    private final Duration pollInterval;
    private final Duration heartbeatInterval;
    private final int bufferSize;
    private final String channel;

    // Guarded by {@code this}: the position and the followers change together, which makes joining gap-free.
    private long position;
    private final Map<String, Set<FeedSubscription>> byProvider = new HashMap<>();
    private final Set<FeedSubscription> urgentFlagFollowers = new HashSet<>();
    private final Set<FeedSubscription> all = new LinkedHashSet<>();

    private final CareTeamIndex teams = new CareTeamIndex();
    private final AtomicLong wanted = new AtomicLong();
    private final AtomicBoolean forced = new AtomicBoolean();
    private final AtomicBoolean readScheduled = new AtomicBoolean();
    private final AtomicInteger open = new AtomicInteger();

    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(
            daemon("feed-shared-reader"));
    private final ExecutorService delivery;
    private final ExecutorService catchUp;
    private final Counter sharedReads;
    private final Counter catchUpReads;
    private final Counter overflows;

    @Inject
    EntityManager em;

    @Inject
    NotificationChannels notifications;

    public ProviderFeed(@ConfigProperty(name = "careweave.feed.poll-interval") Duration pollInterval,
            @ConfigProperty(name = "careweave.feed.heartbeat-interval") Duration heartbeatInterval,
            @ConfigProperty(name = "careweave.feed.subscriber-buffer") int bufferSize,
            @ConfigProperty(name = "careweave.feed.delivery-threads") int deliveryThreads,
            @ConfigProperty(name = "careweave.feed.catch-up-threads") int catchUpThreads,
            @ConfigProperty(name = "careweave.feed.channel") String channel, MeterRegistry registry) {
        this.pollInterval = pollInterval;
        this.heartbeatInterval = heartbeatInterval;
        this.bufferSize = bufferSize;
        this.channel = NotificationChannels.requireChannelName(channel, "careweave.feed.channel");
        this.delivery = Executors.newFixedThreadPool(deliveryThreads, daemon("feed-delivery"));
        // Bounded so that a wave of reconnects cannot take the connection pool from other requests.
        this.catchUp = Executors.newFixedThreadPool(catchUpThreads, daemon("feed-catch-up"));
        this.sharedReads = Counter.builder("careweave.feed.reads").tag("read", "shared")
                .description("Feed database reads: shared (one per commit batch, for all followers) or catch-up "
                        + "(one follower behind the shared reader)")
                .register(registry);
        this.catchUpReads = Counter.builder("careweave.feed.reads").tag("read", "catch-up").register(registry);
        this.overflows = Counter.builder("careweave.feed.overflows")
                .description("Followers that fell a whole buffer behind and went back to catching up from the database")
                .register(registry);
        Gauge.builder("careweave.feed.subscribers", open, AtomicInteger::get)
                .description("Open provider feed (Server-Sent Events) connections on this instance")
                .register(registry);
    }

    void start(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(() -> {
            long last = TimelineEntry.lastSeq();
            // Teams loaded after the position: a change committed meanwhile is read again from the timeline.
            teams.loadAll(em);
            synchronized (this) {
                position = last;
            }
        });
        notifications.listen(channel, this::onNotification, this::poll);
        reader.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        reader.scheduleWithFixedDelay(this::heartbeats, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        reader.shutdownNow();
        delivery.shutdownNow();
        catchUp.shutdownNow();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Timeline.Appended appended) {
        wake(appended.seq());
    }

    private void onNotification(String payload) {
        try {
            wake(Long.parseLong(payload));
        } catch (NumberFormatException e) {
            poll();
        }
    }

    /**
     * Entries (in seq order) after {@code lastSeen}, interleaved with heartbeats (null entries).
     *
     * @param allUrgentFlags also every patient's urgent flags: care coordinators answer those even before a
     *                       patient has a care team
     */
    public Multi<FeedItem> follow(String providerId, boolean allUrgentFlags, long lastSeen) {
        return Multi.createFrom().<FeedItem> publisher(downstream -> {
            FeedSubscription subscription = register(providerId, allUrgentFlags, lastSeen, downstream);
            downstream.onSubscribe(subscription);
            // A heartbeat first, so the response head goes out at once, not with the first entry or heartbeat.
            subscription.heartbeat();
        });
    }

    private synchronized FeedSubscription register(String providerId, boolean allUrgentFlags, long lastSeen,
            Flow.Subscriber<? super FeedItem> downstream) {
        FeedSubscription subscription = new FeedSubscription(providerId, allUrgentFlags,
                lastSeen, downstream, this, delivery, catchUp, bufferSize);
        // Entries up to the position went out before this follower joined; later ones reach its queue.
        if (subscription.cursor() < position) {
            subscription.startCatchingUp();
        }
        byProvider.computeIfAbsent(providerId, p -> new HashSet<>()).add(subscription);
        if (allUrgentFlags) {
            urgentFlagFollowers.add(subscription);
        }
        all.add(subscription);
        open.incrementAndGet();
        return subscription;
    }

    synchronized void unregister(FeedSubscription subscription) {
        if (!all.remove(subscription)) {
            return;
        }
        Set<FeedSubscription> ofProvider = byProvider.get(subscription.providerId);
        if (ofProvider != null && ofProvider.remove(subscription) && ofProvider.isEmpty()) {
            byProvider.remove(subscription.providerId);
        }
        urgentFlagFollowers.remove(subscription);
        open.decrementAndGet();
    }

    /** The last committed seq: a follower without Last-Event-ID starts after it. */
    public long lastSeq() {
        return QuarkusTransaction.requiringNew().call(TimelineEntry::lastSeq);
    }

    /** One follower's entries after {@code cursor}, one batch, from the database (its current care team). */
    List<TimelineEntry> catchUp(String providerId, boolean allUrgentFlags, long cursor) {
        catchUpReads.increment();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> patients = CarePlan.onTeamOf(providerId).stream().map(p -> p.patientId).distinct().toList();
            if (patients.isEmpty() && !allUrgentFlags) {
                return List.of();
            }
            return TimelineEntry.after(cursor, patients, allUrgentFlags, BATCH);
        });
    }

    void overflowed() {
        overflows.increment();
    }

    private void wake(long seq) {
        wanted.accumulateAndGet(seq, Math::max);
        scheduleRead();
    }

    /** Reads even if no commit is known: the safety net for lost notifications. */
    private void poll() {
        forced.set(true);
        scheduleRead();
    }

    private void scheduleRead() {
        if (readScheduled.compareAndSet(false, true)) {
            reader.execute(this::readNew);
        }
    }

    /** Runs on the reader thread only. */
    private void readNew() {
        readScheduled.set(false);
        boolean force = forced.getAndSet(false);
        if (!force && wanted.get() <= currentPosition()) {
            return;
        }
        try {
            List<TimelineEntry> batch;
            do {
                batch = readBatch(currentPosition());
                dispatch(batch);
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Feed read failed (%s); trying again in 1 s", e.getClass().getSimpleName());
            reader.schedule(this::poll, 1, TimeUnit.SECONDS);
        }
    }

    private List<TimelineEntry> readBatch(long after) {
        sharedReads.increment();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<TimelineEntry> batch = TimelineEntry.after(after, BATCH);
            Set<String> changed = new HashSet<>();
            batch.stream().filter(entry -> TEAM_CHANGES.contains(entry.kind)).forEach(e -> changed.add(e.patientId));
            if (!changed.isEmpty()) {
                teams.reload(em, changed);
            }
            return batch;
        });
    }

    private void dispatch(List<TimelineEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<FeedSubscription> targets = new ArrayList<>();
        synchronized (this) {
            for (TimelineEntry entry : batch) {
                targets.clear();
                List<String> members = teams.membersOf(entry.patientId);
                for (String member : members) {
                    targets.addAll(byProvider.getOrDefault(member, Set.of()));
                }
                if (entry.kind == TimelineKind.URGENT_FLAG_RAISED) {
                    for (FeedSubscription coordinator : urgentFlagFollowers) {
                        if (!members.contains(coordinator.providerId)) {
                            targets.add(coordinator);
                        }
                    }
                }
                targets.forEach(subscription -> subscription.offer(entry));
            }
            position = batch.get(batch.size() - 1).seq;
        }
    }

    private synchronized long currentPosition() {
        return position;
    }

    private void heartbeats() {
        List<FeedSubscription> followers;
        synchronized (this) {
            followers = List.copyOf(all);
        }
        followers.forEach(FeedSubscription::heartbeat);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A timeline entry to send, or the heartbeat that keeps idle connections open through proxies. */
    public record FeedItem(TimelineEntry entry) {
        public static final FeedItem HEARTBEAT = new FeedItem(null);
    }
}
