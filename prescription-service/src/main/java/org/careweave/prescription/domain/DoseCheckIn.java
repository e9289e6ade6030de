package org.careweave.prescription.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The patient's report on one scheduled dose ({@code doseDate}, {@code slot}), or on an as-needed dose (no slot). */
@Entity
@Table(name = "dose_check_in")
public class DoseCheckIn extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "prescription_id", nullable = false)
    public UUID prescriptionId;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CheckInStatus status;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    @Column(name = "dose_date", nullable = false)
    public LocalDate doseDate;

    public Integer slot;

    /** The patient's own words: stays in this service, never in an event or a log. */
    public String note;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static boolean exists(UUID prescriptionId, DoseSlot slot) {
        return count("prescriptionId = ?1 and doseDate = ?2 and slot = ?3", prescriptionId, slot.date(),
                slot.index()) > 0;
    }

    public static List<DoseCheckIn> between(UUID prescriptionId, LocalDate from, LocalDate to) {
        return list("prescriptionId = ?1 and doseDate >= ?2 and doseDate <= ?3", prescriptionId, from, to);
    }
}
