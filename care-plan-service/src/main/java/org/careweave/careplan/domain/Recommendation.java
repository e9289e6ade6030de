package org.careweave.careplan.domain;

import java.util.List;

/** The recommended modality, the rule that fired, the reasons in plain words, and what it would cost. */
public record Recommendation(Modality modality, RecommendationRule rule, List<String> rationale, CostEstimate cost) {

    public Recommendation {
        rationale = List.copyOf(rationale);
    }
}
