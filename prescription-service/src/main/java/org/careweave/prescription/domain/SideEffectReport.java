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
@Table(name = "side_effect_report")
public class SideEffectReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "prescription_id", nullable = false)
    public UUID prescriptionId;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    /** One of {@link Symptoms#KNOWN}. */
    @Column(nullable = false)
    public String symptom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    /** The patient's own words: stays in this service, never in an event or a log. */
    public String note;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    public static List<SideEffectReport> of(UUID prescriptionId) {
        return list("prescriptionId = ?1 order by reportedAt desc, id", prescriptionId);
    }
}
