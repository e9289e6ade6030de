package org.careweave.therapy.api;

import java.time.Instant;
import java.util.UUID;

import org.careweave.therapy.domain.Modality;
import org.careweave.therapy.domain.SessionFormat;
import org.careweave.therapy.domain.SessionStatus;
import org.careweave.therapy.domain.TherapySession;

/** A session as the care team and the patient see it: never the private note. */
public record SessionView(
        UUID id,
        String patientId,
        String therapistId,
        Instant startsAt,
        Instant endsAt,
        int durationMinutes,
        Modality modality,
        SessionFormat format,
        SessionStatus status,
        UUID seriesId,
        String summary,
        String homework,
        String cancellationReason,
        Boolean lateCancellation,
        Instant cancelledAt,
        Instant completedAt,
        boolean lateEntry) {

    static SessionView of(TherapySession s) {
        return new SessionView(s.id, s.patientId, s.therapistId, s.startsAt, s.endsAt, s.durationMinutes,
                s.modality, s.format, s.status, s.seriesId, s.summary, s.homework, s.cancellationReason,
                s.lateCancellation, s.cancelledAt, s.completedAt, s.lateEntry);
    }
}
