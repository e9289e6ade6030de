package org.careweave.therapy.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.careweave.therapy.domain.Modality;
import org.careweave.therapy.domain.SessionFormat;
import org.careweave.therapy.domain.SessionSlot;

/** A weekly series: {@code weeks} sessions, the first at {@code startsAt}. */
public record ScheduleSeriesRequest(
        @NotBlank @Size(max = 100) String patientId,
        @NotBlank @Size(max = 100) String therapistId,
        @NotNull @Future OffsetDateTime startsAt,
        @NotNull @Min(15) @Max(180) Integer durationMinutes,
        @NotNull Modality modality,
        @NotNull SessionFormat format,
        @NotNull @Min(1) @Max(MOST_WEEKS) Integer weeks) {

    /** A hard ceiling; the configured limit (careweave.therapy.sessions.series-max-weeks) may be lower. */
    static final int MOST_WEEKS = 104;

    SessionSlot firstSlot() {
        return new SessionSlot(patientId, therapistId, startsAt.toInstant(), durationMinutes, modality, format);
    }
}
