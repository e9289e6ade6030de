package org.careweave.therapy.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measurement-based care: each score compared with the previous and with the first (baseline) score of
 * the same instrument. Response is a drop of at least half from baseline; remission a score below 5.
 */
public final class AssessmentTrend {

    private AssessmentTrend() {
    }

    /** @param oldestFirst one patient's assessments, oldest first; instruments may be mixed */
    public static List<Point> of(List<Assessment> oldestFirst) {
        Map<Instrument, Assessment> baseline = new EnumMap<>(Instrument.class);
        Map<Instrument, Assessment> previous = new EnumMap<>(Instrument.class);
        List<Point> points = new ArrayList<>(oldestFirst.size());
        for (Assessment assessment : oldestFirst) {
            Assessment first = baseline.putIfAbsent(assessment.instrument, assessment);
            Assessment before = previous.put(assessment.instrument, assessment);
            Integer fromPrevious = before == null ? null : assessment.total - before.total;
            Integer fromBaseline = first == null ? null : assessment.total - first.total;
            boolean response = first != null && first.total > 0 && assessment.total * 2 <= first.total;
            boolean remission = assessment.total < Instrument.REMISSION_BELOW;
            points.add(new Point(assessment, fromPrevious, fromBaseline, response, remission));
        }
        return points;
    }

    /** {@code changeFromPrevious} and {@code changeFromBaseline} are null for the baseline itself. */
    public record Point(Assessment assessment, Integer changeFromPrevious, Integer changeFromBaseline,
            boolean response, boolean remission) {
    }
}
