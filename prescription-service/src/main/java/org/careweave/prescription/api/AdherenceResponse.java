package org.careweave.prescription.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.careweave.prescription.domain.Adherence;
import org.careweave.prescription.domain.Frequency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AdherenceResponse(
        UUID prescriptionId,
        Frequency frequency,
        int days,
        LocalDate from,
        LocalDate to,
        @Schema(description = "Scheduled doses due in the window (0 for AS_NEEDED)") int expected,
        int taken,
        int missed,
        @Schema(description = "Expected doses without a check-in") int unreported,
        @Schema(description = "taken / expected with two decimals; null when no dose was expected") BigDecimal rate) {

    static AdherenceResponse of(UUID prescriptionId, Frequency frequency, int days, Adherence a) {
        return new AdherenceResponse(prescriptionId, frequency, days, a.from(), a.to(), a.expected(), a.taken(),
                a.missed(), a.unreported(), a.rate());
    }
}
