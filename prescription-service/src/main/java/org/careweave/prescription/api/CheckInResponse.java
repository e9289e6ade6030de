package org.careweave.prescription.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.careweave.prescription.domain.CheckInStatus;
import org.careweave.prescription.domain.DoseCheckIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CheckInResponse(
        UUID id,
        UUID prescriptionId,
        CheckInStatus status,
        Instant takenAt,
        @Schema(description = "Day of the scheduled dose this check-in answers")
        LocalDate doseDate,
        @Schema(description = "Which dose of that day, from 1; null for an as-needed medication")
        Integer doseOfDay,
        String note,
        Instant recordedAt) {

    static CheckInResponse of(DoseCheckIn c) {
        return new CheckInResponse(c.id, c.prescriptionId, c.status, c.takenAt, c.doseDate,
                c.slot == null ? null : c.slot + 1, c.note, c.recordedAt);
    }
}
