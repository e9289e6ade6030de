package org.careweave.careplan.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.careweave.platform.paging.PageRequest;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One thing that happened in a patient's care; {@code seq} orders the timeline and ids the feed's events. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Enumerated(EnumType.STRING)
    public TimelineKind kind;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;

    /** In time order; entries at the same instant keep the order they were recorded in. */
    /** The page's entries plus one more when a next page exists (see PageRequest#fetchSize). */
    /** The whole record, for an export that must be complete. */
    public static List<TimelineEntry> ofPatient(String patientId) {
        return list("patientId = ?1 order by occurredAt, seq", patientId);
    }

    public static List<TimelineEntry> ofPatient(String patientId, PageRequest page) {
        return find("patientId = ?1 order by occurredAt, seq", patientId)
                .range(page.offset(), page.offset() + page.fetchSize() - 1).list();
    }

    /** Entries after {@code seq} of the given patients, plus every patient's urgent flags if asked for. */
    public static List<TimelineEntry> after(long seq, Collection<String> patientIds, boolean allUrgentFlags,
            int limit) {
        if (allUrgentFlags) {
            return find("seq > ?1 and (patientId in ?2 or kind = ?3) order by seq", seq,
                    patientIds.isEmpty() ? List.of("") : patientIds, TimelineKind.URGENT_FLAG_RAISED)
                    .page(0, limit).list();
        }
        return find("seq > ?1 and patientId in ?2 order by seq", seq, patientIds).page(0, limit).list();
    }

    /** Every patient's entries after {@code seq}: the feed's shared read. */
    public static List<TimelineEntry> after(long seq, int limit) {
        return find("seq > ?1 order by seq", seq).page(0, limit).list();
    }

    public static long lastSeq() {
        Long max = find("select max(seq) from TimelineEntry").project(Long.class).firstResult();
        return max == null ? 0 : max;
    }
}
