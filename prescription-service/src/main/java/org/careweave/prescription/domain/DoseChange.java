package org.careweave.prescription.domain;

import java.math.BigDecimal;
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

/** One entry of a prescription's dose history, the initial dose included. Never updated. */
@Entity
@Table(name = "dose_change")
public class DoseChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "prescription_id", nullable = false)
    public UUID prescriptionId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DoseUnit unit;

    @Column(nullable = false)
    public String reason;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static List<DoseChange> historyOf(UUID prescriptionId) {
        return list("prescriptionId = ?1 order by changedAt, id", prescriptionId);
    }
}
