package org.careweave.therapy.domain;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.careweave.therapy.events.TherapyEvents;

/**
 * Books sessions and moves them through their lifecycle. A therapist and a patient are each in at most
 * one session at a time: the clash check names what is in the way, and the database's exclusion
 * constraints settle concurrent bookings of the same slot.
 */
@ApplicationScoped
public class SessionScheduler {

    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String THERAPIST_OVERLAP = "therapy_session_therapist_overlap";

    @Inject
    TherapySettings settings;

    @Inject
    TherapyEvents events;

    @Inject
    EntityManager em;

    @Transactional
    public TherapySession schedule(SessionSlot slot) {
        List<String> clashes = clashesOf(slot, null);
        if (!clashes.isEmpty()) {
            throw ProblemException.conflict("The session " + String.join("; it ", clashes));
        }
        TherapySession session = book(slot, null);
        flushGuardingOverlap();
        events.scheduled(session);
        return session;
    }

    /** All or nothing: one clashing week rejects the series, and the answer names every clashing week. */
    @Transactional
    public List<TherapySession> scheduleSeries(SessionSlot first, int weeks) {
        int maxWeeks = settings.sessions().seriesMaxWeeks();
        if (weeks < 1 || weeks > maxWeeks) {
            throw ProblemException.badRequest("The request has invalid fields",
                    List.of(new Problem.FieldError("weeks", "must be between 1 and " + maxWeeks)));
        }
        List<String> clashes = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            SessionSlot slot = first.plusWeeks(week);
            for (String clash : clashesOf(slot, null)) {
                clashes.add("week " + (week + 1) + " (" + slot.startsAt() + ") " + clash);
            }
        }
        if (!clashes.isEmpty()) {
            throw ProblemException.conflict("The series clashes in " + String.join("; ", clashes));
        }
        UUID seriesId = UUID.randomUUID();
        List<TherapySession> sessions = new ArrayList<>(weeks);
        for (int week = 0; week < weeks; week++) {
            sessions.add(book(first.plusWeeks(week), seriesId));
        }
        flushGuardingOverlap();
        sessions.forEach(events::scheduled);
        return sessions;
    }

    @Transactional
    public TherapySession reschedule(UUID sessionId, Instant newStart) {
        TherapySession session = TherapySession.findForUpdate(sessionId);
        session.requireScheduled("rescheduled");
        SessionSlot slot = new SessionSlot(session.patientId, session.therapistId, newStart,
                session.durationMinutes, session.modality, session.format);
        List<String> clashes = clashesOf(slot, session.id);
        if (!clashes.isEmpty()) {
            throw ProblemException.conflict("The new time " + String.join("; it ", clashes));
        }
        Instant previous = session.startsAt;
        session.reschedule(newStart, Instant.now());
        flushGuardingOverlap();
        events.rescheduled(session, previous);
        return session;
    }

    @Transactional
    public TherapySession cancel(UUID sessionId, String reason) {
        TherapySession session = TherapySession.findForUpdate(sessionId);
        Instant now = Instant.now();
        boolean late = Duration.between(now, session.startsAt)
                .compareTo(settings.sessions().lateCancellationNotice()) < 0;
        session.cancel(reason, late, now);
        events.cancelled(session);
        return session;
    }

    /** The summary is shared with the care team; the private note is kept apart, readable by its author only. */
    @Transactional
    public TherapySession complete(UUID sessionId, String summary, String homework, String privateNote,
            String therapistId) {
        TherapySession session = TherapySession.findForUpdate(sessionId);
        session.requireScheduled("completed");
        Instant now = Instant.now();
        requireOutcomeRecordable(session, now);
        recordOutcome(session, summary, homework, privateNote, therapistId, now);
        events.completed(session);
        return session;
    }

    /**
     * Documents a session that took place without having been booked ahead: booked in the past and completed in
     * one step, marked as a late entry. It must have ended, and lie within the practice's late-entry window.
     */
    @Transactional
    public TherapySession documentLateEntry(SessionSlot slot, String summary, String homework, String privateNote) {
        Instant now = Instant.now();
        Instant end = slot.startsAt().plus(Duration.ofMinutes(slot.durationMinutes()));
        Duration window = settings.sessions().lateEntryWindow();
        if (end.isAfter(now) || slot.startsAt().isBefore(now.minus(window))) {
            throw ProblemException.badRequest("The request has invalid fields", List.of(new Problem.FieldError(
                    "startsAt", "a late entry must have ended and have started within the last " + window.toDays()
                            + " days")));
        }
        List<String> clashes = clashesOf(slot, null);
        if (!clashes.isEmpty()) {
            throw ProblemException.conflict("The session " + String.join("; it ", clashes));
        }
        TherapySession session = book(slot, null);
        session.lateEntry = true;
        recordOutcome(session, summary, homework, privateNote, slot.therapistId(), now);
        flushGuardingOverlap();
        events.scheduled(session);
        events.completed(session);
        return session;
    }

    @Transactional
    public TherapySession markNoShow(UUID sessionId) {
        TherapySession session = TherapySession.findForUpdate(sessionId);
        session.requireScheduled("marked as a no-show");
        Instant now = Instant.now();
        requireOutcomeRecordable(session, now);
        session.markNoShow(now);
        events.noShow(session);
        return session;
    }

    private TherapySession book(SessionSlot slot, UUID seriesId) {
        TherapySession session = TherapySession.book(slot.patientId(), slot.therapistId(), slot.startsAt(),
                slot.durationMinutes(), slot.modality(), slot.format(), seriesId, Instant.now());
        session.persist();
        return session;
    }

    private static void recordOutcome(TherapySession session, String summary, String homework, String privateNote,
            String therapistId, Instant now) {
        session.complete(summary, homework == null || homework.isBlank() ? null : homework, now);
        if (privateNote != null && !privateNote.isBlank()) {
            PrivateNote note = new PrivateNote();
            note.sessionId = session.id;
            note.authorId = therapistId;
            note.patientId = session.patientId;
            note.body = privateNote;
            note.writtenAt = now;
            note.persist();
        }
    }

    private void requireOutcomeRecordable(TherapySession session, Instant now) {
        if (now.isBefore(session.startsAt.minus(settings.sessions().outcomeRecordableBeforeStart()))) {
            throw ProblemException.conflict("The session has not started yet");
        }
    }

    /** Describes each session that occupies the slot's time for its therapist or patient. */
    private List<String> clashesOf(SessionSlot slot, UUID excluded) {
        Instant end = slot.startsAt().plus(Duration.ofMinutes(slot.durationMinutes()));
        return TherapySession.occupying(slot.therapistId(), slot.patientId(), slot.startsAt(), end, excluded)
                .stream()
                .map(other -> "overlaps " + whose(other, slot) + " session from " + other.startsAt + " to "
                        + other.endsAt)
                .toList();
    }

    private static String whose(TherapySession other, SessionSlot slot) {
        boolean therapist = other.therapistId.equals(slot.therapistId());
        boolean patient = other.patientId.equals(slot.patientId());
        if (therapist && patient) {
            return "the therapist's and the patient's";
        }
        return therapist ? "the therapist's" : "the patient's";
    }

    /** A concurrent booking that won the slot surfaces here, as the exclusion constraint's violation. */
    private void flushGuardingOverlap() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            String violation = exclusionViolation(e);
            if (violation == null) {
                throw e;
            }
            throw ProblemException.conflict(violation.contains(THERAPIST_OVERLAP)
                    ? "The time overlaps a session of the therapist booked at the same moment"
                    : "The time overlaps a session of the patient booked at the same moment");
        }
    }

    private static String exclusionViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return String.valueOf(sql.getMessage());
            }
        }
        return null;
    }
}
