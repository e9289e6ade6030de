package org.careweave.therapy.events;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.events.therapy.AssessmentScored;
import org.careweave.platform.events.therapy.SessionCancelled;
import org.careweave.platform.events.therapy.SessionCompleted;
import org.careweave.platform.events.therapy.SessionNoShow;
import org.careweave.platform.events.therapy.SessionRescheduled;
import org.careweave.platform.events.therapy.SessionScheduled;
import org.careweave.platform.outbox.Outbox;
import org.careweave.therapy.domain.Assessment;
import org.careweave.therapy.domain.TherapySession;

/**
 * Publishes the therapy service's events through the outbox, in the caller's transaction. Payloads carry
 * facts and sizes only: no summary, homework, cancellation reason or private note text ever leaves here.
 */
@ApplicationScoped
public class TherapyEvents {

    @Inject
    Outbox outbox;

    public void scheduled(TherapySession s) {
        outbox.publish(new SessionScheduled(s.patientId, s.id.toString(), s.therapistId, s.startsAt,
                s.durationMinutes, s.modality.name(), s.format.name(),
                s.seriesId == null ? null : s.seriesId.toString()));
    }

    public void rescheduled(TherapySession s, Instant previousStartsAt) {
        outbox.publish(new SessionRescheduled(s.patientId, s.id.toString(), s.therapistId, previousStartsAt,
                s.startsAt));
    }

    public void cancelled(TherapySession s) {
        outbox.publish(new SessionCancelled(s.patientId, s.id.toString(), s.therapistId, s.startsAt,
                Boolean.TRUE.equals(s.lateCancellation)));
    }

    public void completed(TherapySession s) {
        outbox.publish(new SessionCompleted(s.patientId, s.id.toString(), s.therapistId, s.completedAt,
                s.summary.length(), s.homework != null && !s.homework.isBlank()));
    }

    public void noShow(TherapySession s) {
        outbox.publish(new SessionNoShow(s.patientId, s.id.toString(), s.therapistId, s.startsAt));
    }

    public void scored(Assessment a) {
        outbox.publish(new AssessmentScored(a.patientId, a.id.toString(), a.instrument.name(), a.total,
                a.band.name(), a.selfHarmRisk, a.sessionId == null ? null : a.sessionId.toString(), a.scoredAt));
    }
}
