package org.careweave.careplan.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.careweave.careplan.domain.CarePlan;
import org.careweave.careplan.domain.Concern;
import org.careweave.careplan.domain.Goal;
import org.careweave.careplan.domain.Preferences;

/** A care plan as patients and providers see it. */
public record CarePlanView(
        String id,
        String patientId,
        String status,
        String modality,
        int revision,
        List<Concern> concerns,
        Baseline baseline,
        RecommendationView recommendation,
        List<Goal> goals,
        Preferences preferences,
        Cost estimatedMonthlyCost,
        CareTeam careTeam,
        Instant createdAt,
        Instant updatedAt,
        Instant activatedAt) {

    public record Score(int total, String band) {
        static Score of(Integer total, String band) {
            return total == null ? null : new Score(total, band);
        }
    }

    public record Baseline(Score phq9, Score gad7) {
    }

    public record RecommendationView(String modality, String rule, List<String> rationale) {
    }

    public record Cost(BigDecimal amount, String currency, BigDecimal monthlyBudget, boolean fitsBudget) {
    }

    public record CareTeam(String therapistId, String prescriberId, String coordinatorId) {
    }

    static CarePlanView of(CarePlan plan, String currency) {
        return new CarePlanView(plan.id.toString(), plan.patientId, plan.status.name(), plan.modality.name(),
                plan.revision, plan.concerns,
                new Baseline(Score.of(plan.phq9Total, plan.phq9Band), Score.of(plan.gad7Total, plan.gad7Band)),
                new RecommendationView(plan.recommendedModality.name(), plan.recommendationRule.name(),
                        plan.rationale),
                plan.goals, plan.preferences,
                new Cost(plan.estimatedMonthlyCost, currency, plan.preferences.monthlyBudget(), plan.fitsBudget),
                new CareTeam(plan.therapistId, plan.prescriberId, plan.coordinatorId),
                plan.createdAt, plan.updatedAt, plan.activatedAt);
    }
}
