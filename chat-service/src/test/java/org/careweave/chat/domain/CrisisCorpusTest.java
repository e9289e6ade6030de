package org.careweave.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the detector on the labelled corpus and prints the tables of the chat README. The bar applies to the
 * held-out part, which the rules were never tuned on: recall of risk messages at least 97%, false alarms on
 * {@code none} messages at most 3%. Neither bar is reached on the round-3 held-out part (written 2026-12-03 by
 * someone who never saw the rules or the development part, scored once: recall 275 of 303, 90.8%; false alarms 15
 * of 168, 8.9%). Until they are, this test holds the held-out part to what the detector reaches, so a change that
 * loses a single held-out risk message or adds a false alarm fails, and it prints the gap to the bars. Only the
 * development part's misses are printed ({@code -Dcrisis.corpus.dev-misses=true}); the held-out part's misses are
 * never shown.
 */
class CrisisCorpusTest {

    /** The bars for the held-out part: not reached yet, see the chat README. */
    static final double TARGET_RECALL = 0.97;
    static final double MAX_FALSE_ALARMS = 0.03;
    /** What the held-out part reached when it was scored: tighten these with every improvement. */
    static final double REACHED_RECALL = 279d / 303;
    static final double REACHED_FALSE_ALARMS = 13d / 168;

    private static CrisisDetector detector;

    @BeforeAll
    static void loadModels() {
        detector = new CrisisDetector(RiskVocabulary.load("crisis/risk-vocabulary.json"),
                Spelling.load("crisis/spelling.json"));
        // Warm up once, so the figure per message is the steady state a running service sees.
        CrisisCorpus.load("crisis/corpus-dev.tsv").score(detector);
    }

    @Test
    void developmentPart() {
        CrisisCorpus.Score score = CrisisCorpus.load("crisis/corpus-dev.tsv").score(detector);
        System.out.println(score.table());
        System.out.println(score.bySection());
        if (Boolean.getBoolean("crisis.corpus.dev-misses")) {
            score.misses().forEach(miss -> System.out.printf("MISS %s -> %s : %s%n", miss.message().label(),
                    miss.assessment().map(a -> a.category() + " [" + a.rule() + "]").orElse("none"),
                    miss.message().text()));
        }
        assertThat(score.risky()).isGreaterThan(300);
    }

    @Test
    void heldOutPartKeepsWhatItReaches() {
        CrisisCorpus.Score score = CrisisCorpus.load("crisis/corpus-heldout.tsv").score(detector);
        System.out.println(score.table());
        assertThat(score.results()).hasSizeGreaterThanOrEqualTo(200);
        for (RiskCategory category : RiskCategory.values()) {
            assertThat(score.results()).as("held-out messages of " + category)
                    .anyMatch(r -> r.message().label().equals(category.label()));
        }
        System.out.printf("held-out recall %.1f%% against the bar of %.0f%%%s%n", 100 * score.recall(),
                100 * TARGET_RECALL, score.recall() >= TARGET_RECALL ? ": reached" : ": NOT reached");
        System.out.printf("held-out false alarms %.1f%% against the bar of %.0f%%%s%n", 100 * score.falseAlarmRate(),
                100 * MAX_FALSE_ALARMS, score.falseAlarmRate() <= MAX_FALSE_ALARMS ? ": reached" : ": NOT reached");
        assertThat(score.recall()).as("held-out recall").isGreaterThanOrEqualTo(REACHED_RECALL);
        assertThat(score.falseAlarmRate()).as("held-out false alarms").isLessThanOrEqualTo(REACHED_FALSE_ALARMS);
    }
}
