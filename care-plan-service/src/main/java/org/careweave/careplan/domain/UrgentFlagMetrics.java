package org.careweave.careplan.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Urgent flags as ops see them, counted once their transaction commits (a rolled-back or retried one counts
 * nothing): {@code careweave_urgent_flags_raised_total{source, severity}}, and for chat risk the time from the chat
 * service's detection ({@code raisedAt}) to the stored flag, {@code careweave_crisis_to_flag_seconds}, a histogram with
 * buckets up to 10 s (the promise is "within seconds").
 */
@ApplicationScoped
public class UrgentFlagMetrics {

    // Severity arrives in other services' events: only known values become label values.
    private static final Set<String> SEVERITIES = Set.of("IMMINENT", "HIGH", "ELEVATED");

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final Timer crisisToFlag;

    UrgentFlagMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
        this.crisisToFlag = Timer.builder("careweave.crisis.to.flag")
                .description("From risk detected in a chat message to the urgent flag stored in the care plan")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Duration.ofSeconds(10))
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** Records {@code flag}, raised in the current transaction, after that transaction committed. */
    void raised(UrgentFlag flag) {
        UrgentFlag.Source source = flag.source;
        String severity = SEVERITIES.contains(flag.severity) ? flag.severity : "OTHER";
        Instant raisedAt = flag.raisedAt;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                Counter.builder("careweave.urgent.flags.raised")
                        .description("Urgent flags raised for a care team, by source and severity")
                        .tag("source", source.name())
                        .tag("severity", severity)
                        .register(registry)
                        .increment();
                if (source == UrgentFlag.Source.CHAT_RISK && raisedAt != null) {
                    Duration latency = Duration.between(raisedAt, Instant.now());
                    crisisToFlag.record(latency.isNegative() ? Duration.ZERO : latency);
                }
            }
        });
    }
}
