package org.careweave.careplan.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Latest measurements of a patient, kept up to date from events for the caseload and measurement-based care. */
@Entity
@Table(name = "patient_progress")
public class PatientProgress extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public String patientId;

    @Column(name = "last_session_at")
    public Instant lastSessionAt;

    @Column(name = "phq9_baseline")
    public Integer phq9Baseline;

    @Column(name = "phq9_previous")
    public Integer phq9Previous;

    @Column(name = "phq9_latest")
    public Integer phq9Latest;

    @Column(name = "phq9_scored_at")
    public Instant phq9ScoredAt;

    @Column(name = "gad7_baseline")
    public Integer gad7Baseline;

    @Column(name = "gad7_previous")
    public Integer gad7Previous;

    @Column(name = "gad7_latest")
    public Integer gad7Latest;

    @Column(name = "gad7_scored_at")
    public Instant gad7ScoredAt;

    public static PatientProgress of(String patientId) {
        PatientProgress progress = findById(patientId);
        if (progress == null) {
            progress = new PatientProgress();
            progress.patientId = patientId;
            progress.persist();
        }
        return progress;
    }

    public Measurement measurement(Instrument instrument) {
        return instrument == Instrument.PHQ9
                ? new Measurement(instrument, phq9Baseline, phq9Previous, phq9Latest)
                : new Measurement(instrument, gad7Baseline, gad7Previous, gad7Latest);
    }

    /** Starts measuring afresh from an intake score. */
    public void baseline(Instrument instrument, int total, Instant at) {
        if (instrument == Instrument.PHQ9) {
            phq9Baseline = null;
            phq9Latest = null;
        } else {
            gad7Baseline = null;
            gad7Latest = null;
        }
        record(instrument, total, at);
    }

    /** Records a new score; the first score ever becomes the baseline unless intake set one. */
    public Measurement record(Instrument instrument, int total, Instant at) {
        if (instrument == Instrument.PHQ9) {
            phq9Baseline = phq9Baseline == null ? total : phq9Baseline;
            phq9Previous = phq9Latest;
            phq9Latest = total;
            phq9ScoredAt = at;
        } else {
            gad7Baseline = gad7Baseline == null ? total : gad7Baseline;
            gad7Previous = gad7Latest;
            gad7Latest = total;
            gad7ScoredAt = at;
        }
        return measurement(instrument);
    }
}
