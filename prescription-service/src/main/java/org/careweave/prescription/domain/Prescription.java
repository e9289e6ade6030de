package org.careweave.prescription.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.careweave.platform.paging.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** A medication a psychiatrist prescribed to a patient, with its current dose; the history is in {@link DoseChange}. */
@Entity
@Table(name = "prescription")
public class Prescription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "prescriber_id", nullable = false)
    public String prescriberId;

    @Column(name = "medication_name", nullable = false)
    public String medicationName;

    @Enumerated(EnumType.STRING)
    @Column(name = "drug_class", nullable = false)
    public DrugClass drugClass;

    @Column(name = "dose_amount", nullable = false)
    public BigDecimal doseAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "dose_unit", nullable = false)
    public DoseUnit doseUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Frequency frequency;

    public String instructions;

    @Column(name = "refills_allowed", nullable = false)
    public int refillsAllowed;

    @Column(name = "refills_approved", nullable = false)
    public int refillsApproved;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PrescriptionStatus status;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "discontinued_at")
    public Instant discontinuedAt;

    @Column(name = "discontinued_by")
    public String discontinuedBy;

    @Column(name = "discontinue_reason")
    public String discontinueReason;

    public boolean isActive() {
        return status == PrescriptionStatus.ACTIVE;
    }

    public int refillsRemaining() {
        return refillsAllowed - refillsApproved;
    }

    public static List<Prescription> activeFor(String patientId) {
        return list("patientId = ?1 and status = ?2", patientId, PrescriptionStatus.ACTIVE);
    }

    /** The page's prescriptions plus one more when a next page exists (see PageRequest#fetchSize). */
    public static List<Prescription> forPatient(String patientId, PrescriptionStatus status, PageRequest page) {
        PanacheQuery<Prescription> query = status == null
                ? find("patientId = ?1 order by createdAt desc, id", patientId)
                : find("patientId = ?1 and status = ?2 order by createdAt desc, id", patientId, status);
        return query.range(page.offset(), page.offset() + page.fetchSize() - 1).list();
    }

    /** Locks the row for the rest of the transaction, so refill counts and status changes do not race. */
    public static Prescription lockById(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
