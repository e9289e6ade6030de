package org.careweave.careplan.events;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.careweave.careplan.domain.TimelineEntry;
import org.careweave.careplan.events.ProviderFeed.FeedItem;

/**
 * One follower of the feed. It first catches up from the database by cursor (one batch at a time, read only when
 * the client has taken the previous one), while the shared reader already queues the live entries it matches;
 * then it sends the queue, skipping what the catch-up sent (seq at or below the cursor). The queue is bounded: a
 * follower that falls behind loses it and catches up from the database again, so it never holds others up.
 */
final class FeedSubscription implements Flow.Subscription {

    final String providerId;
    final boolean allUrgentFlags;

    private final Flow.Subscriber<? super FeedItem> downstream;
    private final ProviderFeed feed;
    private final Executor delivery;
    private final Executor catchUp;
    private final int bufferSize;

    /** Live entries from the shared reader, in seq order; guarded by {@code this}. */
    private final ArrayDeque<TimelineEntry> live = new ArrayDeque<>();
    private boolean overflowed;

    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile boolean heartbeatDue;

    // Owned by the drain loop (one at a time, wip) and by the single catch-up read it starts.
    private long cursor;
    private volatile boolean catchingUp;
    private volatile boolean reading;
    private volatile RuntimeException failure;
    private final ConcurrentLinkedQueue<TimelineEntry> caughtUp = new ConcurrentLinkedQueue<>();

    FeedSubscription(String providerId, boolean allUrgentFlags, long cursor, Flow.Subscriber<? super FeedItem> downstream,
            ProviderFeed feed, Executor delivery, Executor catchUp, int bufferSize) {
        this.providerId = providerId;
        this.allUrgentFlags = allUrgentFlags;
        this.cursor = cursor;
        this.downstream = downstream;
        this.feed = feed;
        this.delivery = delivery;
        this.catchUp = catchUp;
        this.bufferSize = bufferSize;
    }

    long cursor() {
        return cursor;
    }

    /** Set by the feed when it registers this follower: behind the shared reader, it must read the gap first. */
    void startCatchingUp() {
        catchingUp = true;
    }

    /** Called by the shared reader, in seq order; never blocks. */
    void offer(TimelineEntry entry) {
        synchronized (this) {
            if (overflowed) {
                return;
            }
            if (live.size() >= bufferSize) {
                live.clear();
                overflowed = true;
                feed.overflowed();
            } else {
                live.add(entry);
            }
        }
        drain();
    }

    void heartbeat() {
        heartbeatDue = true;
        drain();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            cancel();
            downstream.onError(new IllegalArgumentException("request must be positive"));
            return;
        }
        requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
        // The connection asks for the next item when its last write completed: send it from here, without a
        // hop to another thread. Draining never blocks (a catch-up read runs on its own executor).
        if (wip.getAndIncrement() == 0) {
            drainLoop();
        }
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            feed.unregister(this);
            synchronized (this) {
                live.clear();
            }
        }
    }

    void drain() {
        if (wip.getAndIncrement() == 0) {
            delivery.execute(this::drainLoop);
        }
    }

    private void drainLoop() {
        int missed = 1;
        while (true) {
            if (failure != null) {
                cancel();
                downstream.onError(failure);
                return;
            }
            long wanted = requested.get();
            long sent = 0;
            while (sent != wanted && !cancelled) {
                if (heartbeatDue) {
                    heartbeatDue = false;
                    downstream.onNext(FeedItem.HEARTBEAT);
                    sent++;
                    continue;
                }
                TimelineEntry next = next();
                if (next == null) {
                    break;
                }
                cursor = next.seq;
                downstream.onNext(new FeedItem(next));
                sent++;
            }
            if (sent != 0 && wanted != Long.MAX_VALUE) {
                requested.addAndGet(-sent);
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    /** The next entry to send, or null when there is none yet (a catch-up read may have been started). */
    private TimelineEntry next() {
        if (reading) {
            return null;
        }
        TimelineEntry fromDatabase = caughtUp.poll();
        if (fromDatabase != null) {
            return fromDatabase;
        }
        synchronized (this) {
            if (overflowed) {
                // Everything queued from now on is kept; everything before it is committed, so the read finds it.
                live.clear();
                overflowed = false;
                catchingUp = true;
            }
        }
        if (catchingUp) {
            readFromDatabase();
            return null;
        }
        synchronized (this) {
            TimelineEntry entry;
            while ((entry = live.poll()) != null) {
                if (entry.seq > cursor) {
                    return entry;
                }
            }
        }
        return null;
    }

    private void readFromDatabase() {
        reading = true;
        long from = cursor;
        catchUp.execute(() -> {
            try {
                List<TimelineEntry> batch = feed.catchUp(providerId, allUrgentFlags, from);
                caughtUp.addAll(batch);
                if (batch.size() < ProviderFeed.BATCH) {
                    catchingUp = false;
                }
            } catch (RuntimeException e) {
                // Ends the stream: the client reconnects with Last-Event-ID and loses nothing.
                failure = e;
            } finally {
                reading = false;
            }
            drain();
        });
    }
}
