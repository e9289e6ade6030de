package org.careweave.careplan.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Therapy, medication or both, following the design's clinical rules in this order: diagnoses that usually need
 * medication; conditions where combined care works best; the patient's refusal of medication; time or budget that
 * rules out regular sessions; otherwise therapy first. Each reason is written for the patient to read.
 */
@ApplicationScoped
public class TreatmentRecommender {

    private static final Set<Concern> MEDICATION_FIRST = Set.of(Concern.BIPOLAR, Concern.SCHIZOPHRENIA);
    private static final Set<Concern> COMBINED = Set.of(Concern.PANIC, Concern.OCD);

    private final CostEstimator costs;
    private final RecommendationThresholds thresholds;

    @Inject
    public TreatmentRecommender(CostEstimator costs, RecommendationThresholds thresholds) {
        this.costs = costs;
        this.thresholds = thresholds;
    }

    public Recommendation recommend(IntakeFacts facts) {
        Preferences prefs = facts.preferences();
        List<String> why = new ArrayList<>();
        Decision decision = decide(facts, prefs, why);
        CostEstimate cost = costs.estimate(decision.modality, facts.concerns(), prefs);
        why.add(costSentence(cost, prefs.monthlyBudget()));
        return new Recommendation(decision.modality, decision.rule, why, cost);
    }

    private Decision decide(IntakeFacts facts, Preferences prefs, List<String> why) {
        if (facts.concerns().stream().anyMatch(MEDICATION_FIRST::contains)) {
            why.add("Bipolar disorder and schizophrenia usually need medication to keep symptoms stable, so your plan "
                    + "starts with medication managed by a psychiatrist.");
            if (!prefs.openToMedication()) {
                why.add("You told us you would rather not take medication. For this condition our rule still "
                        + "recommends it; please talk this through with your care team before deciding.");
            }
            if (prefs.prefersTalkTherapy()) {
                why.add("Talk therapy, which you prefer, can be added once things are stable.");
            }
            return new Decision(Modality.MEDICATION, RecommendationRule.MEDICATION_FIRST_DIAGNOSIS);
        }
        String combinedReason = combinedReason(facts);
        if (combinedReason != null) {
            return combined(facts, prefs, why, combinedReason);
        }
        if (!prefs.openToMedication()) {
            why.add("You told us you would rather not take medication, so your plan starts with talk therapy.");
            if (!therapyFeasible(facts, prefs, why)) {
                why.add("None of the options fits your time and budget as they are; your care coordinator will "
                        + "help you find a way.");
            }
            return new Decision(Modality.THERAPY, RecommendationRule.THERAPY_NO_MEDICATION);
        }
        if (!therapyFeasible(facts, prefs, why)) {
            why.add("Medication needs only a short prescriber visit each month, so your plan starts with medication.");
            if (!costs.estimate(Modality.MEDICATION, facts.concerns(), prefs).fitsBudget()) {
                why.add("None of the options fits your monthly budget; your care coordinator will help you look at "
                        + "coverage.");
            }
            if (prefs.prefersTalkTherapy()) {
                why.add("You told us you prefer talk therapy; we recommend medication only because regular sessions "
                        + "do not fit right now. Therapy can be added when they do.");
            }
            return new Decision(Modality.MEDICATION, RecommendationRule.MEDICATION_FIRST_ACCESS);
        }
        why.add(mildToModerate(facts));
        if (!prefs.prefersTalkTherapy()) {
            why.add("You told us you would rather not do talk therapy. For symptoms at this level our rule still "
                    + "recommends trying therapy first; your care team can discuss other options with you.");
        }
        return new Decision(Modality.THERAPY, RecommendationRule.THERAPY_FIRST_MILD_MODERATE);
    }

    private Decision combined(IntakeFacts facts, Preferences prefs, List<String> why, String reason) {
        RecommendationRule rule = facts.phq9() != null && facts.phq9().total() >= thresholds.combinedPhq9Threshold()
                ? RecommendationRule.COMBINED_SEVERE_DEPRESSION
                : RecommendationRule.COMBINED_PANIC_OR_OCD;
        why.add(reason + " Therapy and medication together usually work best.");
        if (!prefs.openToMedication()) {
            why.add("You told us you would rather not take medication, so your plan starts with talk therapy only. "
                    + "This differs from what our rule recommends; your care team can revisit it with you.");
            therapyFeasible(facts, prefs, why);
            return new Decision(Modality.THERAPY, RecommendationRule.THERAPY_NO_MEDICATION);
        }
        CostEstimate both = costs.estimate(Modality.COMBINED, facts.concerns(), prefs);
        if (sessionsFit(prefs) && both.fitsBudget()) {
            return new Decision(Modality.COMBINED, rule);
        }
        CostEstimate medication = costs.estimate(Modality.MEDICATION, facts.concerns(), prefs);
        if (medication.fitsBudget()) {
            why.add(sessionsFit(prefs)
                    ? "Combined care would cost about " + money(both.monthlyCost(), both.currency())
                            + " a month, more than your budget, so your plan starts with medication; therapy can be "
                            + "added when it fits."
                    : "You have time for " + prefs.sessionsPerMonthAvailable() + " session(s) a month, fewer than "
                            + "regular therapy needs, so your plan starts with medication; therapy can be added later.");
            return new Decision(Modality.MEDICATION, RecommendationRule.MEDICATION_FIRST_ACCESS);
        }
        why.add("None of the options fits your monthly budget; your care coordinator will help you look at coverage.");
        return new Decision(Modality.COMBINED, rule);
    }

    /** Null when no combined-care condition applies. */
    private String combinedReason(IntakeFacts facts) {
        if (facts.phq9() != null && facts.phq9().total() >= thresholds.combinedPhq9Threshold()) {
            return "Your PHQ-9 score of " + facts.phq9().total() + " points to " + bandWords(facts.phq9().band())
                    + " depression.";
        }
        if (facts.concerns().contains(Concern.PANIC) && facts.concerns().contains(Concern.OCD)) {
            return "You told us about panic attacks and obsessive-compulsive symptoms.";
        }
        if (facts.concerns().contains(Concern.PANIC)) {
            return "You told us about panic attacks.";
        }
        if (facts.concerns().stream().anyMatch(COMBINED::contains)) {
            return "You told us about obsessive-compulsive symptoms.";
        }
        return null;
    }

    /** Whether regular sessions fit the patient's time and budget; explains why not when they do not. */
    private boolean therapyFeasible(IntakeFacts facts, Preferences prefs, List<String> why) {
        if (!sessionsFit(prefs)) {
            why.add("You have time for " + prefs.sessionsPerMonthAvailable() + " session(s) a month; regular therapy "
                    + "needs at least " + thresholds.minSessionsPerMonth() + ".");
            return false;
        }
        CostEstimate therapy = costs.estimate(Modality.THERAPY, facts.concerns(), prefs);
        if (!therapy.fitsBudget()) {
            why.add("Therapy would cost about " + money(therapy.monthlyCost(), therapy.currency())
                    + " a month, more than your budget of " + money(prefs.monthlyBudget(), therapy.currency()) + ".");
            return false;
        }
        return true;
    }

    private boolean sessionsFit(Preferences prefs) {
        return prefs.sessionsPerMonthAvailable() >= thresholds.minSessionsPerMonth();
    }

    private static String mildToModerate(IntakeFacts facts) {
        List<String> scores = new ArrayList<>();
        if (facts.phq9() != null) {
            scores.add("PHQ-9 " + facts.phq9().total() + ", " + bandWords(facts.phq9().band()));
        }
        if (facts.gad7() != null) {
            scores.add("GAD-7 " + facts.gad7().total() + ", " + bandWords(facts.gad7().band()));
        }
        String measured = scores.isEmpty() ? "Nothing you told us points to a condition that needs medication first"
                : "Your answers point to mild to moderate symptoms (" + String.join("; ", scores) + ")";
        return measured + ", and talk therapy is the recommended first step.";
    }

    private static String costSentence(CostEstimate cost, BigDecimal budget) {
        String estimate = "This plan costs about " + money(cost.monthlyCost(), cost.currency()) + " a month";
        if (budget == null) {
            return estimate + ".";
        }
        return estimate + (cost.fitsBudget() ? ", within" : ", more than") + " your budget of "
                + money(budget, cost.currency()) + ".";
    }

    private static String money(BigDecimal amount, String currency) {
        return currency + " " + amount.stripTrailingZeros().toPlainString();
    }

    private static String bandWords(String band) {
        return band.toLowerCase().replace('_', ' ');
    }

    private record Decision(Modality modality, RecommendationRule rule) {
    }
}
