package org.careweave.therapy.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.careweave.therapy.domain.Assessment;
import org.careweave.therapy.domain.AssessmentTrend;
import org.careweave.therapy.domain.Instrument;
import org.careweave.therapy.domain.SeverityBand;

/**
 * A scored assessment with its trend: change from the previous and from the first (baseline) score of the
 * same instrument (negative is better), response (at least half the baseline) and remission (below 5).
 */
public record AssessmentView(
        UUID id,
        String patientId,
        Instrument instrument,
        List<Integer> answers,
        int total,
        SeverityBand band,
        boolean selfHarmRisk,
        UUID sessionId,
        Instant scoredAt,
        Integer changeFromPrevious,
        Integer changeFromBaseline,
        boolean response,
        boolean remission) {

    static AssessmentView of(AssessmentTrend.Point point) {
        Assessment a = point.assessment();
        return new AssessmentView(a.id, a.patientId, a.instrument, Arrays.stream(a.answers).boxed().toList(),
                a.total, a.band, a.selfHarmRisk, a.sessionId, a.scoredAt, point.changeFromPrevious(),
                point.changeFromBaseline(), point.response(), point.remission());
    }
}
