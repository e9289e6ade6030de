package org.careweave.prescription.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.careweave.prescription.events.PrescriptionEvents;

/** Issues, re-doses and discontinues prescriptions. Callers have checked who may; this class checks what is safe. */
@ApplicationScoped
public class PrescriptionService {

    static final String INITIAL_DOSE = "initial dose";

    @Inject
    EntityManager em;

    @Inject
    InteractionRules rules;

    @Inject
    PrescriptionEvents events;

    /**
     * Runs the safety checks against the patient's active prescriptions, then stores the prescription with its
     * first dose-history entry. Nothing is stored when a check fails.
     */
    @Transactional
    public Prescription issue(NewPrescription order, String prescriberId) {
        lockPatient(order.patientId());
        List<Prescription> active = Prescription.activeFor(order.patientId());
        String name = normalized(order.medicationName());
        for (Prescription other : active) {
            if (normalized(other.medicationName).equals(name)) {
                throw ProblemException.conflict("The patient already has an active prescription of this medication ("
                        + other.id + "); change its dose instead");
            }
        }
        for (Prescription other : active) {
            rules.dangerous(order.drugClass(), other.drugClass).ifPresent(rule -> {
                throw ProblemException.unprocessable("Dangerous combination: " + order.drugClass() + " with "
                        + other.drugClass + " (active prescription " + other.id + "): " + rule.reason());
            });
        }
        boolean duplicateClass = active.stream()
                .anyMatch(other -> rules.isSameClassDuplicate(order.drugClass(), other.drugClass));
        boolean overridden = order.overrideReason() != null && !order.overrideReason().isBlank();
        if (duplicateClass && !overridden) {
            throw new ProblemException(422, "Override required", "The patient already has an active "
                    + order.drugClass() + " prescription; a second one of the same class needs an overrideReason",
                    List.of(new Problem.FieldError("overrideReason", "is required for a same-class duplicate")));
        }

        Instant now = Instant.now();
        Prescription p = new Prescription();
        p.id = UUID.randomUUID();
        p.patientId = order.patientId();
        p.prescriberId = prescriberId;
        p.medicationName = order.medicationName().trim();
        p.drugClass = order.drugClass();
        p.doseAmount = order.amount();
        p.doseUnit = order.unit();
        p.frequency = order.frequency();
        p.instructions = order.instructions();
        p.refillsAllowed = order.refillsAllowed();
        p.startDate = order.startDate();
        p.status = PrescriptionStatus.ACTIVE;
        p.overrideReason = duplicateClass ? order.overrideReason().trim() : null;
        p.createdAt = now;
        p.persist();
        recordDose(p, INITIAL_DOSE, prescriberId, now);
        events.issued(p);
        return p;
    }

    /** Adds a dose-history entry; earlier entries are never touched. */
    @Transactional
    public Prescription changeDose(UUID id, BigDecimal amount, DoseUnit unit, String reason, String prescriberId) {
        Prescription p = Prescription.lockById(id);
        requireActive(p);
        if (p.doseAmount.compareTo(amount) == 0 && p.doseUnit == unit) {
            throw ProblemException.unprocessable("The new dose is the current dose");
        }
        BigDecimal previousAmount = p.doseAmount;
        DoseUnit previousUnit = p.doseUnit;
        p.doseAmount = amount;
        p.doseUnit = unit;
        recordDose(p, reason.trim(), prescriberId, Instant.now());
        events.doseChanged(p, prescriberId, previousAmount, previousUnit);
        return p;
    }

    @Transactional
    public Prescription discontinue(UUID id, String reason, String prescriberId) {
        Prescription p = Prescription.lockById(id);
        requireActive(p);
        p.status = PrescriptionStatus.DISCONTINUED;
        p.discontinuedAt = Instant.now();
        p.discontinuedBy = prescriberId;
        p.discontinueReason = reason.trim();
        events.discontinued(p);
        return p;
    }

    static void requireActive(Prescription p) {
        if (!p.isActive()) {
            throw ProblemException.conflict("The prescription is discontinued");
        }
    }

    private static void recordDose(Prescription p, String reason, String prescriberId, Instant at) {
        DoseChange change = new DoseChange();
        change.id = UUID.randomUUID();
        change.prescriptionId = p.id;
        change.amount = p.doseAmount;
        change.unit = p.doseUnit;
        change.reason = reason;
        change.changedBy = prescriberId;
        change.changedAt = at;
        change.persist();
    }

    // Two prescriptions for one patient are checked one after the other, so neither misses the other.
    private void lockPatient(String patientId) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) as locked")
                .setParameter(1, "prescription:" + patientId)
                .getSingleResult();
    }

    private static String normalized(String medicationName) {
        return medicationName.trim().toLowerCase(Locale.ROOT);
    }
}
