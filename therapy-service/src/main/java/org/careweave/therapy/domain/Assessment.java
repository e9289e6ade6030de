package org.careweave.therapy.domain;

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

/** A scored PHQ-9 or GAD-7. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Instrument instrument;

    @Column(nullable = false)
    public int[] answers;

    @Column(nullable = false)
    public int total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SeverityBand band;

    @Column(name = "self_harm_risk", nullable = false)
    public boolean selfHarmRisk;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "scored_at", nullable = false)
    public Instant scoredAt;

    /** Oldest first, so the first of each instrument is its baseline. */
    public static List<Assessment> ofPatient(String patientId, Instrument instrument) {
        if (instrument == null) {
            return list("patientId = ?1 order by scoredAt, id", patientId);
        }
        return list("patientId = ?1 and instrument = ?2 order by scoredAt, id", patientId, instrument);
    }
}
