package org.careweave.careplan.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.platform.events.careplan.CarePlanCreated;
import org.careweave.platform.events.careplan.CarePlanRevised;
import org.careweave.platform.events.careplan.CarePlanStatusChanged;
import org.careweave.platform.events.careplan.CareTeamChanged;
import org.careweave.platform.outbox.Outbox;
import org.careweave.platform.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Creates, activates, revises and staffs care plans; each change is published and shown on the timeline. */
@ApplicationScoped
public class CarePlanLifecycle {

    @Inject
    Outbox outbox;

    @Inject
    Timeline timeline;

    @Inject
    UrgentFlags flags;

    @Inject
    CostEstimator costs;

    @Transactional(Transactional.TxType.MANDATORY)
    public CarePlan propose(String patientId, String coordinatorId, IntakeFacts facts, Recommendation recommendation,
            boolean selfHarmRisk, String createdBy) {
        Instant now = Instant.now();
        CarePlan.lockPatientForIntake(patientId);
        if (CarePlan.currentOf(patientId).isPresent()) {
            // The urgent flag must not be lost with the refused intake.
            if (selfHarmRisk) {
                QuarkusTransaction.requiringNew()
                        .run(() -> flags.raise(patientId, UrgentFlag.Source.INTAKE_SELF_HARM, "HIGH", now));
            }
            throw ProblemException.conflict("The patient already has a care plan; revise it instead");
        }
        if (selfHarmRisk) {
            flags.raise(patientId, UrgentFlag.Source.INTAKE_SELF_HARM, "HIGH", now);
        }
        CarePlan plan = new CarePlan();
        plan.id = UUID.randomUUID();
        plan.patientId = patientId;
        plan.status = PlanStatus.PROPOSED;
        plan.modality = recommendation.modality();
        plan.revision = 1;
        plan.recommendedModality = recommendation.modality();
        plan.recommendationRule = recommendation.rule();
        plan.rationale = recommendation.rationale();
        plan.concerns = List.copyOf(facts.concerns());
        plan.preferences = facts.preferences();
        plan.goals = initialGoals(facts);
        plan.estimatedMonthlyCost = recommendation.cost().monthlyCost();
        plan.fitsBudget = recommendation.cost().fitsBudget();
        plan.coordinatorId = coordinatorId;
        plan.createdAt = now;
        plan.updatedAt = now;
        if (facts.phq9() != null) {
            plan.phq9Total = facts.phq9().total();
            plan.phq9Band = facts.phq9().band();
        }
        if (facts.gad7() != null) {
            plan.gad7Total = facts.gad7().total();
            plan.gad7Band = facts.gad7().band();
        }
        plan.persist();
        CarePlanRevision.snapshot(plan, "Proposed at intake", createdBy, now).persist();
        recordBaseline(patientId, facts, now);

        outbox.publish(new CarePlanCreated(patientId, plan.id.toString(), plan.modality.name(), plan.status.name(),
                plan.recommendationRule.name()));
        timeline.append(patientId, TimelineKind.PLAN_CREATED, now,
                "Care plan proposed: " + words(plan.modality),
                Map.of("carePlanId", plan.id.toString(), "modality", plan.modality.name(),
                        "rule", plan.recommendationRule.name()));
        return plan;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void activate(CarePlan plan) {
        if (plan.status != PlanStatus.PROPOSED) {
            throw ProblemException.conflict("Only a proposed plan can be activated; this one is " + plan.status);
        }
        Instant now = Instant.now();
        PlanStatus from = plan.status;
        plan.status = PlanStatus.ACTIVE;
        plan.activatedAt = now;
        plan.modalitySince = now;
        plan.updatedAt = now;
        outbox.publish(new CarePlanStatusChanged(plan.patientId, plan.id.toString(), from.name(), plan.status.name()));
        timeline.append(plan.patientId, TimelineKind.PLAN_STATUS_CHANGED, now, "Care plan activated",
                Map.of("carePlanId", plan.id.toString(), "from", from.name(), "to", plan.status.name()));
    }

    /** Saves a new revision if {@code expectedRevision} is still the current one; a stale revision answers 409. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revise(CarePlan plan, int expectedRevision, Modality modality, List<Goal> goals,
            Preferences preferences, String reason, String revisedBy) {
        if (plan.revision != expectedRevision) {
            throw ProblemException.conflict("The plan was revised meanwhile (now revision " + plan.revision
                    + "); reload it and apply your change again");
        }
        Instant now = Instant.now();
        if (plan.modality != modality) {
            plan.modalitySince = plan.status == PlanStatus.ACTIVE ? now : null;
            plan.reviewRequestedAt = null;
        }
        plan.revision++;
        plan.modality = modality;
        plan.goals = List.copyOf(goals);
        plan.preferences = preferences;
        CostEstimate cost = costs.estimate(modality, plan.concerns, preferences);
        plan.estimatedMonthlyCost = cost.monthlyCost();
        plan.fitsBudget = cost.fitsBudget();
        plan.updatedAt = now;
        CarePlanRevision.snapshot(plan, reason, revisedBy, now).persist();
        outbox.publish(new CarePlanRevised(plan.patientId, plan.id.toString(), plan.revision, modality.name(),
                goals.size()));
        timeline.append(plan.patientId, TimelineKind.PLAN_REVISED, now,
                "Care plan revised (revision " + plan.revision + "): " + words(modality),
                Map.of("carePlanId", plan.id.toString(), "revision", plan.revision, "modality", modality.name(),
                        "reason", reason));
    }

    /** Replaces the team; the event carries the whole team so every service's directory can replace its copy. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignTeam(CarePlan plan, String therapistId, String prescriberId, String coordinatorId) {
        Instant now = Instant.now();
        plan.therapistId = therapistId;
        plan.prescriberId = prescriberId;
        plan.coordinatorId = coordinatorId;
        plan.updatedAt = now;
        List<CareTeamChanged.Member> members = new ArrayList<>();
        Map<String, Object> details = new HashMap<>();
        details.put("carePlanId", plan.id.toString());
        if (therapistId != null) {
            members.add(new CareTeamChanged.Member(therapistId, "THERAPIST"));
            details.put("therapistId", therapistId);
        }
        if (prescriberId != null) {
            members.add(new CareTeamChanged.Member(prescriberId, "PRESCRIBER"));
            details.put("prescriberId", prescriberId);
        }
        members.add(new CareTeamChanged.Member(coordinatorId, "COORDINATOR"));
        details.put("coordinatorId", coordinatorId);
        outbox.publish(new CareTeamChanged(plan.patientId, plan.id.toString(), members));
        timeline.append(plan.patientId, TimelineKind.CARE_TEAM_CHANGED, now, "Care team updated", details);
    }

    private static void recordBaseline(String patientId, IntakeFacts facts, Instant at) {
        if (facts.phq9() == null && facts.gad7() == null) {
            return;
        }
        PatientProgress progress = PatientProgress.of(patientId);
        if (facts.phq9() != null) {
            progress.baseline(Instrument.PHQ9, facts.phq9().total(), at);
        }
        if (facts.gad7() != null) {
            progress.baseline(Instrument.GAD7, facts.gad7().total(), at);
        }
    }

    /** Remission is the measurable aim for any symptom measured above the remission line at intake. */
    private static List<Goal> initialGoals(IntakeFacts facts) {
        List<Goal> goals = new ArrayList<>();
        if (facts.phq9() != null && facts.phq9().total() >= Measurement.REMISSION_BELOW) {
            goals.add(new Goal("Depression in remission", Goal.Measure.PHQ9, Goal.Comparator.BELOW,
                    Measurement.REMISSION_BELOW));
        }
        if (facts.gad7() != null && facts.gad7().total() >= Measurement.REMISSION_BELOW) {
            goals.add(new Goal("Anxiety in remission", Goal.Measure.GAD7, Goal.Comparator.BELOW,
                    Measurement.REMISSION_BELOW));
        }
        return goals;
    }

    static String words(Modality modality) {
        return switch (modality) {
            case THERAPY -> "therapy";
            case MEDICATION -> "medication";
            case COMBINED -> "therapy and medication";
        };
    }
}
