package org.careweave.prescription.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.careweave.prescription.events.PrescriptionEvents;

/** Side-effect reports; the event lets the care plan raise an urgent flag for a SEVERE one. */
@ApplicationScoped
public class SideEffectService {

    @Inject
    PrescriptionEvents events;

    @Transactional
    public SideEffectReport report(Prescription p, String symptom, Severity severity, String note) {
        if (!Symptoms.isKnown(symptom)) {
            throw ProblemException.badRequest("Unknown symptom", List.of(new Problem.FieldError("symptom",
                    "must be one of the listed symptoms; use \"other\" and describe it in the note")));
        }
        SideEffectReport report = new SideEffectReport();
        report.id = UUID.randomUUID();
        report.prescriptionId = p.id;
        report.patientId = p.patientId;
        report.symptom = symptom;
        report.severity = severity;
        report.note = note == null || note.isBlank() ? null : note.trim();
        report.reportedAt = Instant.now();
        report.persist();
        events.sideEffectReported(report);
        return report;
    }
}
