package org.careweave.prescription.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.careweave.prescription.events.PrescriptionEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Records dose check-ins against the dose schedule and computes adherence from them. */
@ApplicationScoped
public class DoseCheckInService {

    @Inject
    PrescriptionEvents events;

    @ConfigProperty(name = "careweave.prescription.schedule-zone")
    ZoneId scheduleZone;

    // Phones' clocks drift; a check-in a little ahead of ours is still "now".
    @ConfigProperty(name = "careweave.prescription.check-in.clock-skew")
    Duration clockSkew;

    /**
     * @param takenAt the patient's local time with its offset; its local date and time pick the scheduled dose
     */
    @Transactional
    public DoseCheckIn record(UUID prescriptionId, CheckInStatus status, OffsetDateTime takenAt, String note) {
        Prescription p = Prescription.lockById(prescriptionId);
        if (!p.isActive()) {
            throw ProblemException.conflict("The prescription is discontinued");
        }
        if (takenAt.toInstant().isAfter(Instant.now().plus(clockSkew))) {
            throw invalidTakenAt("must not be in the future");
        }
        if (takenAt.toLocalDate().isBefore(p.startDate)) {
            throw invalidTakenAt("must not be before the prescription's start date");
        }
        if (p.frequency == Frequency.AS_NEEDED && status == CheckInStatus.MISSED) {
            throw ProblemException.unprocessable("An as-needed medication has no scheduled dose to miss");
        }
        DoseSlot slot = DoseSchedule.slotOf(p.frequency, p.startDate, takenAt.toLocalDateTime()).orElse(null);
        if (slot != null && DoseCheckIn.exists(p.id, slot)) {
            throw ProblemException.conflict("This scheduled dose (" + slot.date() + ", dose " + (slot.index() + 1)
                    + " of the day) already has a check-in");
        }
        DoseCheckIn checkIn = new DoseCheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.prescriptionId = p.id;
        checkIn.patientId = p.patientId;
        checkIn.status = status;
        checkIn.takenAt = takenAt.toInstant();
        checkIn.doseDate = slot != null ? slot.date() : takenAt.toLocalDate();
        checkIn.slot = slot != null ? slot.index() : null;
        checkIn.note = note == null || note.isBlank() ? null : note.trim();
        checkIn.recordedAt = Instant.now();
        checkIn.persist();
        events.checkInRecorded(checkIn);
        return checkIn;
    }

    @Transactional
    public Adherence adherence(Prescription p, int days) {
        LocalDate today = LocalDate.now(scheduleZone);
        LocalDate endDate = p.discontinuedAt == null ? null : LocalDate.ofInstant(p.discontinuedAt, scheduleZone);
        List<AdherenceCalculator.ReportedDose> reported = DoseCheckIn
                .between(p.id, today.minusDays(days - 1L), today).stream()
                .map(c -> new AdherenceCalculator.ReportedDose(c.doseDate, c.slot, c.status))
                .toList();
        return AdherenceCalculator.calculate(p.frequency, p.startDate, endDate, today, days, reported);
    }

    private static ProblemException invalidTakenAt(String message) {
        return ProblemException.badRequest("The check-in's time does not fit the prescription",
                List.of(new Problem.FieldError("takenAt", message)));
    }
}
