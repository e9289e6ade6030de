package org.careweave.careplan.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A dose taken or missed, kept to compute adherence over a window. */
@Entity
@Table(name = "dose_check_in")
public class DoseCheckIn extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "patient_id")
    public String patientId;

    public boolean taken;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** Taken and total check-ins of the patient since {@code since}. */
    public static Adherence since(String patientId, Instant since) {
        long total = count("patientId = ?1 and recordedAt >= ?2", patientId, since);
        long taken = count("patientId = ?1 and recordedAt >= ?2 and taken = true", patientId, since);
        return new Adherence(taken, total);
    }

    public record Adherence(long taken, long total) {
        /** Null when there was nothing to adhere to. */
        public Integer percent() {
            return total == 0 ? null : Math.round(taken * 100f / total);
        }
    }
}
