package org.careweave.prescription.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "refill_request")
public class RefillRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "prescription_id", nullable = false)
    public UUID prescriptionId;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefillStatus status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    public static List<RefillRequest> of(UUID prescriptionId) {
        return list("prescriptionId = ?1 order by requestedAt, id", prescriptionId);
    }

    public static boolean pendingExists(UUID prescriptionId) {
        return count("prescriptionId = ?1 and status = ?2", prescriptionId, RefillStatus.PENDING) > 0;
    }
}
