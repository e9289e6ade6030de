package org.careweave.careplan.domain;

import java.util.Arrays;
import java.util.Optional;

/** Screening questionnaires used at intake and for measurement-based care. */
public enum Instrument {
    PHQ9("PHQ-9", 9),
    GAD7("GAD-7", 7);

    private final String label;
    private final int items;

    Instrument(String label, int items) {
        this.label = label;
        this.items = items;
    }

    public String label() {
        return label;
    }

    public int items() {
        return items;
    }

    /** Reads the instrument names other services put in events ("PHQ9", "PHQ-9", "phq_9"). */
    public static Optional<Instrument> parse(String name) {
        String plain = name == null ? "" : name.toUpperCase().replaceAll("[^A-Z0-9]", "");
        return Arrays.stream(values()).filter(i -> i.name().equals(plain)).findFirst();
    }
}
