package org.careweave.careplan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TreatmentRecommenderTest {

    private static final PriceTable PRICES = new PriceTable() {
        @Override
        public String currency() {
            return "USD";
        }

        @Override
        public Map<String, BigDecimal> session() {
            return Map.of("video", new BigDecimal("90"), "phone", new BigDecimal("80"), "in-person",
                    new BigDecimal("120"));
        }

        @Override
        public BigDecimal prescriberVisit() {
            return new BigDecimal("150");
        }

        @Override
        public int prescriberVisitsPerMonth() {
            return 1;
        }

        @Override
        public Map<String, BigDecimal> medication() {
            return Map.of("ssri", new BigDecimal("15"), "mood-stabilizer", new BigDecimal("30"), "other",
                    new BigDecimal("30"));
        }
    };

    private static final RecommendationThresholds THRESHOLDS = new RecommendationThresholds() {
        @Override
        public int combinedPhq9Threshold() {
            return 15;
        }

        @Override
        public int standardSessionsPerMonth() {
            return 4;
        }

        @Override
        public int minSessionsPerMonth() {
            return 2;
        }
    };

    private final TreatmentRecommender recommender = new TreatmentRecommender(new CostEstimator(PRICES, THRESHOLDS),
            THRESHOLDS);

    @Test
    void bipolarDisorderStartsWithMedicationEvenWhenThePatientPrefersNone() {
        Recommendation r = recommend(Set.of(Concern.BIPOLAR), 8, prefs(false, true, 4, null));

        assertThat(r.modality()).isEqualTo(Modality.MEDICATION);
        assertThat(r.rule()).isEqualTo(RecommendationRule.MEDICATION_FIRST_DIAGNOSIS);
        assertThat(r.rationale()).anyMatch(s -> s.contains("Bipolar disorder and schizophrenia usually need medication"))
                .anyMatch(s -> s.contains("rather not take medication") && s.contains("still recommends it"));
    }

    @Test
    void schizophreniaStartsWithMedication() {
        Recommendation r = recommend(Set.of(Concern.SCHIZOPHRENIA), null, prefs(true, false, 4, null));

        assertThat(r.modality()).isEqualTo(Modality.MEDICATION);
        assertThat(r.rule()).isEqualTo(RecommendationRule.MEDICATION_FIRST_DIAGNOSIS);
    }

    @Test
    void moderatelySevereDepressionGetsCombinedCare() {
        Recommendation r = recommend(Set.of(Concern.DEPRESSION), 16, prefs(true, true, 4, null));

        assertThat(r.modality()).isEqualTo(Modality.COMBINED);
        assertThat(r.rule()).isEqualTo(RecommendationRule.COMBINED_SEVERE_DEPRESSION);
        assertThat(r.rationale().get(0)).contains("PHQ-9 score of 16").contains("moderately severe")
                .contains("together usually work best");
        // 4 video sessions at 90 + one prescriber visit at 150 + an SSRI at 15
        assertThat(r.cost().monthlyCost()).isEqualByComparingTo("525");
    }

    @Test
    void depressionJustBelowTheThresholdIsTherapyFirst() {
        Recommendation r = recommend(Set.of(Concern.DEPRESSION), 14, prefs(true, true, 4, null));

        assertThat(r.modality()).isEqualTo(Modality.THERAPY);
        assertThat(r.rule()).isEqualTo(RecommendationRule.THERAPY_FIRST_MILD_MODERATE);
    }

    @Test
    void panicDisorderAndOcdGetCombinedCare() {
        assertThat(recommend(Set.of(Concern.PANIC), 6, prefs(true, true, 4, null)).rule())
                .isEqualTo(RecommendationRule.COMBINED_PANIC_OR_OCD);
        Recommendation ocd = recommend(Set.of(Concern.OCD), null, prefs(true, true, 4, null));
        assertThat(ocd.modality()).isEqualTo(Modality.COMBINED);
        assertThat(ocd.rationale().get(0)).contains("obsessive-compulsive");
    }

    @Test
    void mildToModerateSymptomsAreTherapyFirst() {
        Recommendation r = recommend(Set.of(Concern.ANXIETY), 7, prefs(true, true, 4, null));

        assertThat(r.modality()).isEqualTo(Modality.THERAPY);
        assertThat(r.rule()).isEqualTo(RecommendationRule.THERAPY_FIRST_MILD_MODERATE);
        assertThat(r.rationale().get(0)).contains("mild to moderate symptoms (PHQ-9 7, mild)");
        assertThat(r.cost().monthlyCost()).isEqualByComparingTo("360");
    }

    @Test
    void aPatientNotOpenToMedicationStartsWithTherapy() {
        Recommendation r = recommend(Set.of(Concern.ANXIETY), 9, prefs(false, true, 4, null));

        assertThat(r.modality()).isEqualTo(Modality.THERAPY);
        assertThat(r.rule()).isEqualTo(RecommendationRule.THERAPY_NO_MEDICATION);
    }

    @Test
    void refusingMedicationOverridesCombinedCareAndSaysTheRuleDisagrees() {
        Recommendation r = recommend(Set.of(Concern.DEPRESSION), 21, prefs(false, true, 4, null));

        assertThat(r.modality()).isEqualTo(Modality.THERAPY);
        assertThat(r.rule()).isEqualTo(RecommendationRule.THERAPY_NO_MEDICATION);
        assertThat(r.rationale()).anyMatch(s -> s.contains("differs from what our rule recommends"));
    }

    @Test
    void tooLittleTimeForRegularSessionsMeansMedicationFirst() {
        Recommendation r = recommend(Set.of(Concern.DEPRESSION), 9, prefs(true, true, 1, null));

        assertThat(r.modality()).isEqualTo(Modality.MEDICATION);
        assertThat(r.rule()).isEqualTo(RecommendationRule.MEDICATION_FIRST_ACCESS);
        assertThat(r.rationale()).anyMatch(s -> s.contains("time for 1 session(s) a month"))
                .anyMatch(s -> s.contains("You told us you prefer talk therapy"));
    }

    @Test
    void aBudgetThatRulesOutTherapyMeansMedicationFirst() {
        Recommendation r = recommend(Set.of(Concern.DEPRESSION), 9, prefs(true, false, 4, "200"));

        assertThat(r.modality()).isEqualTo(Modality.MEDICATION);
        assertThat(r.rule()).isEqualTo(RecommendationRule.MEDICATION_FIRST_ACCESS);
        assertThat(r.cost().monthlyCost()).isEqualByComparingTo("165");
        assertThat(r.cost().fitsBudget()).isTrue();
        assertThat(r.rationale()).anyMatch(s -> s.contains("Therapy would cost about USD 360 a month, more than your "
                + "budget of USD 200"));
    }

    @Test
    void combinedCareOverBudgetFallsBackToTheOptionThatFits() {
        Recommendation r = recommend(Set.of(Concern.PANIC), null, prefs(true, true, 4, "300"));

        assertThat(r.modality()).isEqualTo(Modality.MEDICATION);
        assertThat(r.cost().fitsBudget()).isTrue();
        assertThat(r.rationale()).anyMatch(s -> s.contains("Combined care would cost about USD 525"));
    }

    @Test
    void saysSoWhenNoOptionFitsTheBudget() {
        Recommendation r = recommend(Set.of(Concern.DEPRESSION), 18, prefs(true, true, 4, "50"));

        assertThat(r.modality()).isEqualTo(Modality.COMBINED);
        assertThat(r.cost().fitsBudget()).isFalse();
        assertThat(r.rationale()).anyMatch(s -> s.contains("None of the options fits your monthly budget"))
                .anyMatch(s -> s.contains("more than your budget of USD 50"));
    }

    @Test
    void aPreferenceAgainstTalkTherapyThatTheRuleOverridesIsNamed() {
        Recommendation r = recommend(Set.of(Concern.INSOMNIA), 4, prefs(true, false, 4, null));

        assertThat(r.modality()).isEqualTo(Modality.THERAPY);
        assertThat(r.rationale()).anyMatch(s -> s.contains("rather not do talk therapy"));
    }

    @Test
    void sessionPriceFollowsThePreferredFormat() {
        Preferences inPerson = new Preferences(true, true, 2, null, SessionFormat.IN_PERSON);
        Recommendation r = recommender.recommend(new IntakeFacts(Set.of(Concern.ANXIETY), null, null, inPerson));

        assertThat(r.cost().monthlyCost()).isEqualByComparingTo("240");
        assertThat(r.cost().sessionsPerMonth()).isEqualTo(2);
    }

    private Recommendation recommend(Set<Concern> concerns, Integer phq9Total, Preferences preferences) {
        ScreeningScore phq9 = phq9Total == null ? null : phq9(phq9Total);
        return recommender.recommend(new IntakeFacts(concerns, phq9, null, preferences));
    }

    private static ScreeningScore phq9(int total) {
        List<Integer> answers = new java.util.ArrayList<>(Collections.nCopies(9, 0));
        for (int i = 0; i < 9 && total > 0; i++) {
            int a = Math.min(3, total);
            answers.set(i, a);
            total -= a;
        }
        return ScreeningScore.of(Instrument.PHQ9, answers);
    }

    private static Preferences prefs(boolean openToMedication, boolean prefersTalkTherapy, int sessions,
            String budget) {
        return new Preferences(openToMedication, prefersTalkTherapy, sessions,
                budget == null ? null : new BigDecimal(budget), SessionFormat.VIDEO);
    }
}
