package org.careweave.careplan.domain;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appends to patients' timelines and tells the live feeds once the entry is committed: this replica's by a CDI event,
 * the other replicas' by a PostgreSQL notification carrying the seq only.
 */
@ApplicationScoped
public class Timeline {

    /**
     * pg advisory lock held from taking a sequence number until commit: without it a later number could commit
     * first, a feed client would see it, and on resume it would skip the earlier one for good.
     */
    private static final long APPEND_LOCK = 0x71E_11E5L;

    @Inject
    EntityManager em;

    @Inject
    Event<Appended> appended;

    @ConfigProperty(name = "careweave.feed.channel")
    String feedChannel;

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(String patientId, TimelineKind kind, Instant occurredAt, String summary,
            Map<String, Object> details) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) locked")
                .setParameter(1, APPEND_LOCK).getSingleResult();
        TimelineEntry entry = new TimelineEntry();
        entry.patientId = patientId;
        entry.kind = kind;
        entry.occurredAt = occurredAt;
        entry.summary = summary;
        entry.details = details;
        entry.persist();
        // Delivered by PostgreSQL only if this transaction commits: wakes the other replicas' feeds (seq only).
        em.createNativeQuery("select count(*) from (select pg_notify(?1, ?2)) notified")
                .setParameter(1, feedChannel).setParameter(2, Long.toString(entry.seq)).getSingleResult();
        appended.fire(new Appended(entry.seq));
        return entry;
    }

    /** Fired inside the appending transaction; observe it after success to see committed entries only. */
    public record Appended(long seq) {
    }
}
