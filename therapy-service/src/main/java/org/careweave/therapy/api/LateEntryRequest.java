package org.careweave.therapy.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

import org.careweave.therapy.domain.Modality;
import org.careweave.therapy.domain.SessionFormat;
import org.careweave.therapy.domain.SessionSlot;

/** A session that already took place, documented by its therapist: when it was and what came of it. */
public record LateEntryRequest(
        @NotBlank @Size(max = 100) String patientId,
        @NotNull @Past OffsetDateTime startsAt,
        @NotNull @Min(15) @Max(180) Integer durationMinutes,
        @NotNull Modality modality,
        @NotNull SessionFormat format,
        @NotBlank @Size(max = 4000) String summary,
        @Size(max = 20000) String privateNote,
        @Size(max = 2000) String homework) {

    SessionSlot slot(String therapistId) {
        return new SessionSlot(patientId, therapistId, startsAt.toInstant(), durationMinutes, modality, format);
    }
}
