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

public record ScheduleSessionRequest(
        @NotBlank @Size(max = 100) String patientId,
        @NotBlank @Size(max = 100) String therapistId,
        @NotNull @Future OffsetDateTime startsAt,
        @NotNull @Min(15) @Max(180) Integer durationMinutes,
        @NotNull Modality modality,
        @NotNull SessionFormat format) {

    SessionSlot slot() {
        return new SessionSlot(patientId, therapistId, startsAt.toInstant(), durationMinutes, modality, format);
    }
}
