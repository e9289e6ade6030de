package org.careweave.careplan.api;

import org.careweave.careplan.domain.CarePlan;

/** The scored baseline, the explained recommendation and the proposed plan it created. */
public record IntakeResponse(
        String carePlanId,
        String patientId,
        String status,
        CarePlanView.Baseline baseline,
        CarePlanView.RecommendationView recommendation,
        CarePlanView.Cost estimatedMonthlyCost,
        boolean urgentFlagRaised) {

    static IntakeResponse of(CarePlan plan, String currency, boolean urgentFlagRaised) {
        CarePlanView view = CarePlanView.of(plan, currency);
        return new IntakeResponse(view.id(), view.patientId(), view.status(), view.baseline(), view.recommendation(),
                view.estimatedMonthlyCost(), urgentFlagRaised);
    }
}
