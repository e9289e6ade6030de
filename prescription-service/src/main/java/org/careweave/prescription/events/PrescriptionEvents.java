package org.careweave.prescription.events;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.events.prescription.DoseChanged;
import org.careweave.platform.events.prescription.DoseCheckInRecorded;
import org.careweave.platform.events.prescription.PrescriptionDiscontinued;
import org.careweave.platform.events.prescription.PrescriptionIssued;
import org.careweave.platform.events.prescription.RefillDecided;
import org.careweave.platform.events.prescription.RefillRequested;
import org.careweave.platform.events.prescription.SideEffectReported;
import org.careweave.platform.outbox.Outbox;
import org.careweave.prescription.domain.CheckInStatus;
import org.careweave.prescription.domain.DoseAmounts;
import org.careweave.prescription.domain.DoseCheckIn;
import org.careweave.prescription.domain.DoseUnit;
import org.careweave.prescription.domain.Prescription;
import org.careweave.prescription.domain.RefillRequest;
import org.careweave.prescription.domain.RefillStatus;
import org.careweave.prescription.domain.SideEffectReport;

/**
 * Publishes the prescription events through the outbox, inside the caller's transaction. Reasons, instructions
 * and the patient's notes stay in this service: events carry only what the care team's views need.
 */
@ApplicationScoped
public class PrescriptionEvents {

    @Inject
    Outbox outbox;

    public void issued(Prescription p) {
        outbox.publish(new PrescriptionIssued(p.patientId, p.id.toString(), p.prescriberId, p.medicationName,
                p.drugClass.name(), DoseAmounts.plain(p.doseAmount), p.doseUnit.symbol(), p.frequency.name(),
                p.startDate));
    }

    public void doseChanged(Prescription p, String prescriberId, BigDecimal previousAmount, DoseUnit previousUnit) {
        outbox.publish(new DoseChanged(p.patientId, p.id.toString(), prescriberId,
                DoseAmounts.plain(previousAmount), previousUnit.symbol(), DoseAmounts.plain(p.doseAmount),
                p.doseUnit.symbol()));
    }

    public void discontinued(Prescription p) {
        outbox.publish(new PrescriptionDiscontinued(p.patientId, p.id.toString(), p.discontinuedBy));
    }

    public void refillRequested(RefillRequest request) {
        outbox.publish(new RefillRequested(request.patientId, request.prescriptionId.toString(),
                request.id.toString()));
    }

    public void refillDecided(RefillRequest request) {
        outbox.publish(new RefillDecided(request.patientId, request.prescriptionId.toString(), request.id.toString(),
                request.status == RefillStatus.APPROVED, request.decidedBy));
    }

    public void checkInRecorded(DoseCheckIn checkIn) {
        // The contract carries takenAt only for a dose that was taken.
        outbox.publish(new DoseCheckInRecorded(checkIn.patientId, checkIn.prescriptionId.toString(),
                checkIn.status.name(), checkIn.status == CheckInStatus.TAKEN ? checkIn.takenAt : null));
    }

    public void sideEffectReported(SideEffectReport report) {
        outbox.publish(new SideEffectReported(report.patientId, report.prescriptionId.toString(), report.symptom,
                report.severity.name()));
    }
}
