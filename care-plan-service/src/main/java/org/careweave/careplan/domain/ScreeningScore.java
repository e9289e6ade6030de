package org.careweave.careplan.domain;

import java.util.List;

/**
 * A scored PHQ-9 or GAD-7. Bands follow the instruments' published cut-offs: PHQ-9 0-4 minimal, 5-9 mild,
 * 10-14 moderate, 15-19 moderately severe, 20-27 severe; GAD-7 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe.
 */
public record ScreeningScore(Instrument instrument, int total, String band) {

    public static ScreeningScore of(Instrument instrument, List<Integer> answers) {
        if (answers.size() != instrument.items()) {
            throw new IllegalArgumentException(instrument.label() + " has " + instrument.items() + " items");
        }
        int total = answers.stream().mapToInt(Integer::intValue).sum();
        return new ScreeningScore(instrument, total, band(instrument, total));
    }

    public static String band(Instrument instrument, int total) {
        if (total < 5) {
            return "MINIMAL";
        }
        if (total < 10) {
            return "MILD";
        }
        if (total < 15) {
            return "MODERATE";
        }
        if (instrument == Instrument.PHQ9 && total < 20) {
            return "MODERATELY_SEVERE";
        }
        return "SEVERE";
    }

    /** PHQ-9 item 9 asks about thoughts of self-harm; any answer above 0 needs a clinician now. */
    public static boolean selfHarmRisk(List<Integer> phq9Answers) {
        return phq9Answers != null && phq9Answers.size() == 9 && phq9Answers.get(8) != null && phq9Answers.get(8) > 0;
    }
}
