package org.careweave.careplan.domain;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Appends to patients' timelines and tells the live feed after the entry is committed. */
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
        appended.fire(new Appended(entry.seq));
        return entry;
    }

    /** Fired inside the appending transaction; observe it after success to see committed entries only. */
    public record Appended(long seq) {
    }
}
