package org.careweave.careplan.domain;

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

/** Something the care team must look at now, open until a team member acknowledges it. */
@Entity
@Table(name = "urgent_flag")
public class UrgentFlag extends PanacheEntityBase {

    public enum Source {
        /** PHQ-9 item 9 (thoughts of self-harm) answered above 0 at intake. */
        INTAKE_SELF_HARM,
        /** A scored assessment reported self-harm risk. */
        ASSESSMENT_SELF_HARM,
        /** A severe side effect was reported. */
        SEVERE_SIDE_EFFECT,
        /** Crisis detection flagged a chat conversation. */
        CHAT_RISK
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Enumerated(EnumType.STRING)
    public Source source;

    public String severity;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    /** Every patient with an open flag, whether or not they have a care team yet. */
    public static List<String> patientsWithOpenFlags() {
        return getEntityManager().createQuery("select distinct f.patientId from UrgentFlag f "
                + "where f.acknowledgedAt is null", String.class).getResultList();
    }

    public static List<UrgentFlag> openOf(String patientId) {
        return list("patientId = ?1 and acknowledgedAt is null order by raisedAt desc", patientId);
    }
}
