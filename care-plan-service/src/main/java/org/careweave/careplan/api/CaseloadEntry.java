package org.careweave.careplan.api;

import java.time.Instant;
import java.util.List;

/** One patient on a provider's caseload. */
public record CaseloadEntry(
        String patientId,
        String carePlanId,
        String planStatus,
        String modality,
        List<String> roles,
        Instant lastSessionAt,
        Score phq9,
        Score gad7,
        Adherence adherence30Days,
        List<Flag> openUrgentFlags) {

    /** Latest score with baseline, change from baseline (percent, negative is better) and trend. */
    public record Score(Integer latest, Integer baseline, Integer changeFromBaselinePercent, String trend,
            boolean response, boolean remission, Instant scoredAt) {
    }

    public record Adherence(long taken, long total, Integer percent) {
    }

    public record Flag(String id, String source, String severity, Instant raisedAt) {
    }
}
