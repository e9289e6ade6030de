package org.careweave.careplan.domain;

/**
 * Measurement-based care for one instrument: change from baseline, trend since the previous score, response
 * (a drop of at least 50% from baseline) and remission (below 5). Any value may be null before the first score.
 */
public record Measurement(Instrument instrument, Integer baseline, Integer previous, Integer latest) {

    public static final int REMISSION_BELOW = 5;

    public enum Trend {
        IMPROVING,
        STABLE,
        WORSENING
    }

    /** Percent change from baseline (negative is better); null without both scores or with a zero baseline. */
    public Integer changeFromBaselinePercent() {
        if (baseline == null || latest == null || baseline == 0) {
            return null;
        }
        return Math.round((latest - baseline) * 100f / baseline);
    }

    public boolean response() {
        return baseline != null && latest != null && baseline > 0 && latest * 2 <= baseline;
    }

    public boolean remission() {
        return latest != null && latest < REMISSION_BELOW;
    }

    public Trend trend() {
        if (previous == null || latest == null) {
            return null;
        }
        return latest < previous ? Trend.IMPROVING : latest > previous ? Trend.WORSENING : Trend.STABLE;
    }
}
