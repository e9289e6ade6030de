package org.careweave.careplan.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.stream.LongStream;

import jakarta.enterprise.inject.Vetoed;

import org.careweave.careplan.domain.TimelineEntry;
import org.careweave.careplan.events.ProviderFeed.FeedItem;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A follower whose client stops reading loses only its own queue, then catches up from the database by cursor. */
class FeedSubscriptionTest {

    private static final Executor NOW = Runnable::run;

    /** The feed with its catch-up read answered from a list standing in for the database; not a bean. */
    @Vetoed
    static final class Database extends ProviderFeed {

        final List<TimelineEntry> committed = new ArrayList<>();
        int reads;

        Database(SimpleMeterRegistry registry) {
            super(Duration.ofMinutes(1), Duration.ofMinutes(1), 5, 1, 1, "careweave_feed", registry);
        }

        TimelineEntry commit(long seq) {
            TimelineEntry entry = new TimelineEntry();
            entry.seq = seq;
            entry.patientId = "p";
            committed.add(entry);
            return entry;
        }

        @Override
        List<TimelineEntry> catchUp(String providerId, boolean allUrgentFlags, long cursor) {
            reads++;
            return committed.stream().filter(e -> e.seq > cursor).limit(BATCH).toList();
        }
    }

    static final class Client implements Flow.Subscriber<FeedItem> {

        final List<Long> seqs = new ArrayList<>();
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(FeedItem item) {
            if (item.entry() != null) {
                seqs.add(item.entry().seq);
            }
        }

        @Override
        public void onError(Throwable failure) {
            throw new AssertionError(failure);
        }

        @Override
        public void onComplete() {
        }
    }

    @Test
    void aStalledFollowerOverflowsAloneAndCatchesUpWithoutGapOrDuplicate() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Database database = new Database(registry);
        Client stalled = new Client();
        Client reading = new Client();
        FeedSubscription slow = follower(database, stalled);
        FeedSubscription fast = follower(database, reading);
        reading.subscription.request(Long.MAX_VALUE);

        for (long seq = 1; seq <= 12; seq++) {
            TimelineEntry entry = database.commit(seq);
            slow.offer(entry);
            fast.offer(entry);
        }
        assertThat(reading.seqs).as("the reading client is not held up").isEqualTo(range(1, 12));
        assertThat(stalled.seqs).isEmpty();
        assertThat(registry.get("careweave.feed.overflows").counter().count()).isEqualTo(1.0);

        stalled.subscription.request(100);
        assertThat(stalled.seqs).as("caught up from the database").isEqualTo(range(1, 12));
        assertThat(database.reads).isEqualTo(1);

        slow.offer(database.commit(13));
        fast.offer(database.committed.get(12));
        assertThat(stalled.seqs).as("live again").isEqualTo(range(1, 13));
        assertThat(reading.seqs).isEqualTo(range(1, 13));
    }

    private static FeedSubscription follower(Database database, Client client) {
        FeedSubscription subscription = new FeedSubscription("provider", false, 0, client, database, NOW, NOW, 5);
        client.onSubscribe(subscription);
        return subscription;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
