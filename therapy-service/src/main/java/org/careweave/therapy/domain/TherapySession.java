package org.careweave.therapy.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.careweave.platform.problem.ProblemException;

import org.careweave.platform.paging.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One therapy session between a patient and their therapist, and where it stands in its lifecycle. */
@Entity
@Table(name = "therapy_session")
public class TherapySession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "therapist_id", nullable = false)
    public String therapistId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Modality modality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionFormat format;

    @Column(name = "series_id")
    public UUID seriesId;

    /** Shared with the care team; the private note is a {@link PrivateNote}. */
    public String summary;

    public String homework;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "late_cancellation")
    public Boolean lateCancellation;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** Documented after it took place rather than booked ahead (a late entry). */
    @Column(name = "late_entry", nullable = false)
    public boolean lateEntry;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public static TherapySession book(String patientId, String therapistId, Instant startsAt, int durationMinutes,
            Modality modality, SessionFormat format, UUID seriesId, Instant now) {
        TherapySession session = new TherapySession();
        session.id = UUID.randomUUID();
        session.patientId = patientId;
        session.therapistId = therapistId;
        session.startsAt = startsAt;
        session.durationMinutes = durationMinutes;
        session.endsAt = startsAt.plus(Duration.ofMinutes(durationMinutes));
        session.status = SessionStatus.SCHEDULED;
        session.modality = modality;
        session.format = format;
        session.seriesId = seriesId;
        session.createdAt = now;
        session.updatedAt = now;
        return session;
    }

    /** Loads the session locked for update, so two concurrent transitions cannot both succeed. */
    public static TherapySession findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Sessions of the therapist or the patient, other than {@code excluded} (may be null), that occupy time in [from, to). */
    public static List<TherapySession> occupying(String therapistId, String patientId, Instant from, Instant to,
            UUID excluded) {
        String query = "status <> ?1 and (therapistId = ?2 or patientId = ?3) and startsAt < ?4 and endsAt > ?5";
        if (excluded == null) {
            return list(query + " order by startsAt", SessionStatus.CANCELLED, therapistId, patientId, to, from);
        }
        return list(query + " and id <> ?6 order by startsAt", SessionStatus.CANCELLED, therapistId, patientId, to,
                from, excluded);
    }

    /** The page's sessions plus one more when a next page exists (see PageRequest#fetchSize). */
    public static List<TherapySession> ofPatient(String patientId, Instant from, Instant to, PageRequest page) {
        return find("patientId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt, id", patientId, from, to)
                .range(page.offset(), page.offset() + page.fetchSize() - 1).list();
    }

    public static List<TherapySession> ofTherapist(String therapistId, Instant from, Instant to, PageRequest page) {
        return find("therapistId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt, id", therapistId, from, to)
                .range(page.offset(), page.offset() + page.fetchSize() - 1).list();
    }

    public void reschedule(Instant newStart, Instant now) {
        requireScheduled("rescheduled");
        startsAt = newStart;
        endsAt = newStart.plus(Duration.ofMinutes(durationMinutes));
        updatedAt = now;
    }

    public void cancel(String reason, boolean late, Instant now) {
        requireScheduled("cancelled");
        status = SessionStatus.CANCELLED;
        cancellationReason = reason;
        lateCancellation = late;
        cancelledAt = now;
        updatedAt = now;
    }

    public void complete(String summary, String homework, Instant now) {
        requireScheduled("completed");
        status = SessionStatus.COMPLETED;
        this.summary = summary;
        this.homework = homework;
        completedAt = now;
        updatedAt = now;
    }

    public void markNoShow(Instant now) {
        requireScheduled("marked as a no-show");
        status = SessionStatus.NO_SHOW;
        updatedAt = now;
    }

    /** Throws 409 unless the session is still scheduled: every other status is final. */
    public void requireScheduled(String transition) {
        if (status != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict("A " + status.name().toLowerCase().replace('_', '-')
                    + " session cannot be " + transition);
        }
    }
}
