package org.careweave.prescription.domain;

import java.util.Set;

/**
 * The side-effect symptoms a patient picks from. A fixed list keeps events free of patient free text;
 * anything else is reported as {@code other} with the details in the report's note.
 */
public final class Symptoms {

    public static final Set<String> KNOWN = Set.of(
            "nausea", "vomiting", "diarrhea", "constipation", "headache", "dizziness", "drowsiness", "fatigue",
            "insomnia", "dry-mouth", "sweating", "tremor", "restlessness", "agitation", "anxiety", "mood-worsening",
            "weight-gain", "weight-loss", "appetite-change", "sexual-dysfunction", "blurred-vision", "palpitations",
            "rash", "swelling", "muscle-stiffness", "confusion", "fever", "other");

    private Symptoms() {
    }

    public static boolean isKnown(String symptom) {
        return KNOWN.contains(symptom);
    }
}
