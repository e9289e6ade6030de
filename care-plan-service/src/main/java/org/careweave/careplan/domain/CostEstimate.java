package org.careweave.careplan.domain;

import java.math.BigDecimal;

/** What a modality would cost the patient a month and whether it fits their budget (no budget: it fits). */
public record CostEstimate(Modality modality, BigDecimal monthlyCost, String currency, int sessionsPerMonth,
        boolean fitsBudget) {
}
