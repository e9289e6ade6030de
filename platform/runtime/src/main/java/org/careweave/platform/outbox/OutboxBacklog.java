package org.careweave.platform.outbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * What ops watch of the outbox: how many events wait for Kafka ({@code careweave_outbox_unsent_events}) and how long
 * the oldest has waited ({@code careweave_outbox_oldest_unsent_age_seconds}). The database is read periodically, not
 * per scrape; the age is computed at scrape time, so it keeps growing while the relay is stuck.
 */
@Startup
@ApplicationScoped
public class OutboxBacklog {

    private static final long NONE = Long.MIN_VALUE;

    private final EntityManager em;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestCreatedMillis = new AtomicLong(NONE);

    OutboxBacklog(EntityManager em, MeterRegistry registry) {
        this.em = em;
        Gauge.builder("careweave.outbox.unsent", unsent, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("careweave.outbox.oldest.unsent.age", this, OutboxBacklog::oldestAgeSeconds)
                .description("How long the oldest outbox event not yet acknowledged by Kafka has waited (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(every = "${careweave.outbox.backlog-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select count(*), extract(epoch from min(created_at)) * 1000 from outbox_event where sent_at is null")
                .getSingleResult());
        unsent.set(((Number) row[0]).longValue());
        oldestCreatedMillis.set(row[1] == null ? NONE : ((Number) row[1]).longValue());
    }

    private double oldestAgeSeconds() {
        long oldest = oldestCreatedMillis.get();
        return oldest == NONE ? 0 : Math.max(0, System.currentTimeMillis() - oldest) / 1000.0;
    }
}
