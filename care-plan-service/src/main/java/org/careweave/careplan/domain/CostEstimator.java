package org.careweave.careplan.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Prices a modality from the price table: sessions at the preferred format, prescriber visits, medication. */
@ApplicationScoped
public class CostEstimator {

    private final PriceTable prices;
    private final RecommendationThresholds thresholds;

    @Inject
    public CostEstimator(PriceTable prices, RecommendationThresholds thresholds) {
        this.prices = prices;
        this.thresholds = thresholds;
    }

    public CostEstimate estimate(Modality modality, Collection<Concern> concerns, Preferences preferences) {
        BigDecimal cost = BigDecimal.ZERO;
        int sessions = 0;
        if (modality.includesTherapy()) {
            sessions = plannedSessions(preferences.sessionsPerMonthAvailable());
            cost = cost.add(prices.sessionPrice(preferences.sessionFormat()).multiply(BigDecimal.valueOf(sessions)));
        }
        if (modality.includesMedication()) {
            cost = cost.add(prices.prescriberVisit().multiply(BigDecimal.valueOf(prices.prescriberVisitsPerMonth())))
                    .add(medicationCost(concerns));
        }
        BigDecimal budget = preferences.monthlyBudget();
        return new CostEstimate(modality, cost, prices.currency(), sessions, budget == null || cost.compareTo(budget) <= 0);
    }

    /** Sessions the plan schedules: as many as the patient has time for, up to weekly, never below regular. */
    int plannedSessions(int available) {
        return Math.max(thresholds.minSessionsPerMonth(), Math.min(available, thresholds.standardSessionsPerMonth()));
    }

    /** The dearest class among the concerns' usual first medications, so the estimate does not undersell. */
    private BigDecimal medicationCost(Collection<Concern> concerns) {
        return concerns.stream().map(c -> prices.medicationPrice(c.typicalDrugClass()))
                .max(Comparator.naturalOrder())
                .orElseGet(() -> prices.medicationPrice("other"));
    }
}
