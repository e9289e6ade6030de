package org.careweave.prescription.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.careweave.prescription.domain.DoseAmounts;
import org.careweave.prescription.domain.DoseChange;
import org.careweave.prescription.domain.DoseUnit;
import org.careweave.prescription.domain.DrugClass;
import org.careweave.prescription.domain.Frequency;
import org.careweave.prescription.domain.Prescription;
import org.careweave.prescription.domain.PrescriptionStatus;

/** A prescription with its whole dose history, oldest first, and the reminder what the safety checks are. */
public record PrescriptionResponse(
        UUID id,
        String patientId,
        String prescriberId,
        Medication medication,
        Dose dose,
        Frequency frequency,
        String instructions,
        int refillsAllowed,
        int refillsApproved,
        int refillsRemaining,
        LocalDate startDate,
        PrescriptionStatus status,
        String overrideReason,
        Instant createdAt,
        Instant discontinuedAt,
        String discontinuedBy,
        String discontinueReason,
        List<DoseHistoryEntry> doseHistory,
        String safetyNote) {

    public static final String SAFETY_NOTE = "The safety checks support, never replace, clinical judgement.";

    public record Medication(String name, DrugClass drugClass) {
    }

    public record Dose(BigDecimal amount, DoseUnit unit) {
    }

    public record DoseHistoryEntry(BigDecimal amount, DoseUnit unit, String reason, String changedBy,
            Instant changedAt) {
    }

    static PrescriptionResponse of(Prescription p) {
        List<DoseHistoryEntry> history = DoseChange.historyOf(p.id).stream()
                .map(c -> new DoseHistoryEntry(DoseAmounts.plain(c.amount), c.unit, c.reason, c.changedBy,
                        c.changedAt))
                .toList();
        return new PrescriptionResponse(p.id, p.patientId, p.prescriberId,
                new Medication(p.medicationName, p.drugClass), new Dose(DoseAmounts.plain(p.doseAmount), p.doseUnit),
                p.frequency, p.instructions, p.refillsAllowed, p.refillsApproved, p.refillsRemaining(), p.startDate,
                p.status, p.overrideReason, p.createdAt, p.discontinuedAt, p.discontinuedBy, p.discontinueReason,
                history, SAFETY_NOTE);
    }
}
