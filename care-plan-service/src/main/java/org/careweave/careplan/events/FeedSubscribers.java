package org.careweave.careplan.events;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;

/** Open provider feeds on this instance, {@code careweave_feed_subscribers}: each holds a connection and a poller. */
@Startup
@ApplicationScoped
public class FeedSubscribers {

    private final AtomicInteger open = new AtomicInteger();

    FeedSubscribers(MeterRegistry registry) {
        Gauge.builder("careweave.feed.subscribers", open, AtomicInteger::get)
                .description("Open provider feed (Server-Sent Events) connections on this instance")
                .register(registry);
    }

    /** {@code feed}, counted from subscription until it completes, fails or the client goes away. */
    <T> Multi<T> counted(Multi<T> feed) {
        return feed.onSubscription().invoke(subscription -> open.incrementAndGet())
                .onTermination().invoke(open::decrementAndGet);
    }
}
