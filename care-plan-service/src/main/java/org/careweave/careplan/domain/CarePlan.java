package org.careweave.careplan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A patient's care plan with its current revision, intake baseline and care team. */
@Entity
@Table(name = "care_plan")
public class CarePlan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Enumerated(EnumType.STRING)
    public PlanStatus status;

    @Enumerated(EnumType.STRING)
    public Modality modality;

    public int revision;

    @Column(name = "recommended_modality")
    @Enumerated(EnumType.STRING)
    public Modality recommendedModality;

    @Column(name = "recommendation_rule")
    @Enumerated(EnumType.STRING)
    public RecommendationRule recommendationRule;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> rationale;

    @Column(name = "phq9_total")
    public Integer phq9Total;

    @Column(name = "phq9_band")
    public String phq9Band;

    @Column(name = "gad7_total")
    public Integer gad7Total;

    @Column(name = "gad7_band")
    public String gad7Band;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Concern> concerns;

    @JdbcTypeCode(SqlTypes.JSON)
    public Preferences preferences;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Goal> goals;

    @Column(name = "estimated_monthly_cost")
    public BigDecimal estimatedMonthlyCost;

    @Column(name = "fits_budget")
    public boolean fitsBudget;

    @Column(name = "therapist_id")
    public String therapistId;

    @Column(name = "prescriber_id")
    public String prescriberId;

    @Column(name = "coordinator_id")
    public String coordinatorId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    /** When the current modality started (activation or a revision that changed it): the review clock. */
    @Column(name = "modality_since")
    public Instant modalitySince;

    @Column(name = "review_requested_at")
    public Instant reviewRequestedAt;

    public static Optional<CarePlan> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Holds intakes of the patient back until this transaction ends: the second of two concurrent
     * intakes then sees the first one's plan instead of creating another.
     */
    public static void lockPatientForIntake(String patientId) {
        getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext('care-plan:' || ?1))) l")
                .setParameter(1, patientId).getSingleResult();
    }

    /** The patient's current plan: every plan is current until replaced, and the newest one wins. */
    public static Optional<CarePlan> currentOf(String patientId) {
        return find("patientId = ?1 order by createdAt desc", patientId).firstResultOptional();
    }

    public static List<CarePlan> ofPatient(String patientId) {
        return list("patientId = ?1 order by createdAt desc", patientId);
    }

    /** Patients whose current team includes the provider, in any role. */
    public static List<CarePlan> onTeamOf(String providerId) {
        return list("therapistId = ?1 or prescriberId = ?1 or coordinatorId = ?1 order by createdAt", providerId);
    }

    /** Each patient's current plan when it has neither a therapist nor a prescriber, oldest first. */
    public static List<CarePlan> currentWithoutCareTeam() {
        return list("from CarePlan c where c.therapistId is null and c.prescriberId is null and c.createdAt = "
                + "(select max(p.createdAt) from CarePlan p where p.patientId = c.patientId) order by c.createdAt");
    }

    public boolean hasTeamMember(String providerId) {
        return providerId.equals(therapistId) || providerId.equals(prescriberId) || providerId.equals(coordinatorId);
    }
}
