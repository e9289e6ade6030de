package org.careweave.therapy.domain;

import java.util.List;

/**
 * The validated questionnaires and their published scoring: each item is answered 0-3 and the total
 * falls into a severity band. Only PHQ-9 asks about self-harm (item 9).
 */
public enum Instrument {

    PHQ9(9, new int[] { 4, 9, 14, 19, 27 },
            new SeverityBand[] { SeverityBand.MINIMAL, SeverityBand.MILD, SeverityBand.MODERATE,
                    SeverityBand.MODERATELY_SEVERE, SeverityBand.SEVERE }),
    GAD7(7, new int[] { 4, 9, 14, 21 },
            new SeverityBand[] { SeverityBand.MINIMAL, SeverityBand.MILD, SeverityBand.MODERATE,
                    SeverityBand.SEVERE });

    public static final int MIN_ANSWER = 0;
    public static final int MAX_ANSWER = 3;
    /** Items of the longest instrument (PHQ-9): no answer list is longer. */
    public static final int MOST_ITEMS = 9;
    /** Score below which a patient counts as in remission (PHQ-9 < 5, GAD-7 < 5). */
    public static final int REMISSION_BELOW = 5;

    private static final int PHQ9_SELF_HARM_ITEM = 9;

    private final int itemCount;
    private final int[] bandUpperBounds;
    private final SeverityBand[] bands;

    Instrument(int itemCount, int[] bandUpperBounds, SeverityBand[] bands) {
        this.itemCount = itemCount;
        this.bandUpperBounds = bandUpperBounds;
        this.bands = bands;
    }

    public int itemCount() {
        return itemCount;
    }

    public int maxTotal() {
        return itemCount * MAX_ANSWER;
    }

    /**
     * Scores a complete set of answers.
     *
     * @throws IllegalArgumentException if the count or a value is out of range; callers validate first
     */
    public Score score(List<Integer> answers) {
        if (answers.size() != itemCount) {
            throw new IllegalArgumentException(name() + " has " + itemCount + " items, got " + answers.size());
        }
        int total = 0;
        for (int answer : answers) {
            if (answer < MIN_ANSWER || answer > MAX_ANSWER) {
                throw new IllegalArgumentException("Answers are " + MIN_ANSWER + "-" + MAX_ANSWER);
            }
            total += answer;
        }
        boolean selfHarmRisk = this == PHQ9 && answers.get(PHQ9_SELF_HARM_ITEM - 1) > 0;
        return new Score(total, bandOf(total), selfHarmRisk);
    }

    SeverityBand bandOf(int total) {
        for (int i = 0; i < bandUpperBounds.length; i++) {
            if (total <= bandUpperBounds[i]) {
                return bands[i];
            }
        }
        throw new IllegalArgumentException(name() + " total " + total + " is above " + maxTotal());
    }

    public record Score(int total, SeverityBand band, boolean selfHarmRisk) {
    }
}
