package org.careweave.careplan.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.platform.events.careplan.ReviewRequested;
import org.careweave.platform.outbox.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Measurement-based care: when a single-modality plan has run for the configured number of weeks and the latest
 * score shows no response, the care team is asked (once per modality period) to review adding the other one.
 */
@ApplicationScoped
public class ReviewTrigger {

    @Inject
    Outbox outbox;

    @Inject
    Timeline timeline;

    @ConfigProperty(name = "careweave.review.no-response-weeks")
    int noResponseWeeks;

    /** {@code plan} must be locked by the caller: two assessments at once must not both ask. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean onScored(CarePlan plan, Measurement measurement, Instant scoredAt) {
        if (plan.status != PlanStatus.ACTIVE || plan.modality == Modality.COMBINED || plan.modalitySince == null
                || plan.reviewRequestedAt != null || measurement.baseline() == null || measurement.response()) {
            return false;
        }
        Duration onPlan = Duration.between(plan.modalitySince, scoredAt);
        if (onPlan.compareTo(Duration.ofDays(7L * noResponseWeeks)) < 0) {
            return false;
        }
        plan.reviewRequestedAt = scoredAt;
        String current = CarePlanLifecycle.words(plan.modality);
        String other = plan.modality == Modality.THERAPY ? "medication" : "therapy";
        String summary = String.format("%s %d at baseline, %d now after %d weeks of %s only: no response "
                + "(less than a 50%% drop). Please review adding %s.", measurement.instrument().label(),
                measurement.baseline(), measurement.latest(), onPlan.toDays() / 7, current, other);
        outbox.publish(new ReviewRequested(plan.patientId, plan.id.toString(), "NO_RESPONSE", summary));
        timeline.append(plan.patientId, TimelineKind.REVIEW_REQUESTED, scoredAt, summary,
                Map.of("carePlanId", plan.id.toString(), "reason", "NO_RESPONSE", "suggestedAddition",
                        other.toUpperCase()));
        return true;
    }
}
