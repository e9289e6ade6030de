package org.careweave.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import opennlp.tools.util.TrainingParameters;

/**
 * Scores the detector on the labelled corpus and prints the tables of the chat README. The bar applies to the
 * held-out part, which the rules were never tuned on: recall of risk messages at least 97%, false alarms on
 * {@code none} messages at most 3%. Neither bar is reached on the round-5 held-out part (678 messages written
 * 2026-12-03 by someone who never saw the rules, the classifier or any earlier corpus, scored once: recall 312 of
 * 400, 78.0%; false alarms 19 of 278, 6.8%). Until they are, this test holds the held-out part to what the detector
 * reaches, so a change that
 * loses a single held-out risk message or adds a false alarm fails, and it prints the gap to the bars. Only the
 * development part's misses are printed ({@code -Dcrisis.corpus.dev-misses=true}); the held-out part's misses are
 * never shown.
 */
class CrisisCorpusTest {

    /** The bars for the held-out part: not reached yet, see the chat README. */
    static final double TARGET_RECALL = 0.97;
    static final double MAX_FALSE_ALARMS = 0.03;
    /** What the held-out part reached when it was scored: tighten these with every improvement. */
    static final double REACHED_RECALL = 312d / 400;
    static final double REACHED_FALSE_ALARMS = 19d / 278;

    private static CrisisDetector detector;

    @BeforeAll
    static void loadModels() throws IOException {
        String written = System.getProperty("crisis.classifier.write");
        if (written != null) {
            writeClassifier(Path.of(written));
        }
        detector = new CrisisDetector(RiskVocabulary.load("crisis/risk-vocabulary.json"),
                Spelling.load("crisis/spelling.json"), RiskClassifier.load(RiskClassifier.RESOURCE),
                Double.parseDouble(RiskClassifier.THRESHOLD));
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

    /**
     * The shipped classifier is the one the development part trains: retrained here, it gives every development
     * message the same probability. After a change to the corpus or the features, rebuild it with
     * {@code -Dcrisis.classifier.write=src/main/resources/crisis/risk-classifier.bin.gz} (from chat-service).
     */
    @Test
    void shippedClassifierIsTrainedOnTheDevelopmentPart() {
        CrisisCorpus corpus = CrisisCorpus.load("crisis/corpus-dev.tsv");
        TextAnalyzer analyzer = new TextAnalyzer(Spelling.load("crisis/spelling.json"));
        List<List<List<Token>>> analysed = corpus.messages().stream().map(m -> analyzer.sentences(m.text())).toList();
        RiskClassifier trained = train(corpus, analysed);
        RiskClassifier shipped = RiskClassifier.load(RiskClassifier.RESOURCE);
        for (int i = 0; i < analysed.size(); i++) {
            assertThat(shipped.risk(analysed.get(i))).as(corpus.messages().get(i).text())
                    .isCloseTo(trained.risk(analysed.get(i)), within(1e-9));
        }
    }

    private static RiskClassifier train(CrisisCorpus corpus, List<List<List<Token>>> analysed) {
        List<RiskClassifier.Example> examples = new ArrayList<>();
        for (int i = 0; i < analysed.size(); i++) {
            examples.add(new RiskClassifier.Example(analysed.get(i), corpus.messages().get(i).label()));
        }
        return RiskClassifier.train(examples, RiskClassifier.parameters(), false);
    }

    private static void writeClassifier(Path file) throws IOException {
        CrisisCorpus corpus = CrisisCorpus.load("crisis/corpus-dev.tsv");
        TextAnalyzer analyzer = new TextAnalyzer(Spelling.load("crisis/spelling.json"));
        RiskClassifier classifier = train(corpus,
                corpus.messages().stream().map(m -> analyzer.sentences(m.text())).toList());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            classifier.write(out);
        }
    }

    /**
     * Leave one batch out: for each section of the development part, a classifier trained on all the other
     * sections scores the left-out one, alone and together with the rules. Run with
     * {@code -Dcrisis.corpus.leave-one-batch-out=true}; {@code -Dcrisis.lobo.configs=MAXENT:1:100,...} names the
     * trainers to compare (algorithm, feature cutoff, iterations).
     */
    @Test
    @EnabledIfSystemProperty(named = "crisis.corpus.leave-one-batch-out", matches = "true")
    void leaveOneBatchOut() {
        CrisisCorpus corpus = CrisisCorpus.load("crisis/corpus-dev.tsv");
        List<List<List<Token>>> analysed = new ArrayList<>();
        List<Boolean> rules = new ArrayList<>();
        List<Boolean> silenced = new ArrayList<>();
        for (CrisisCorpus.Labelled message : corpus.messages()) {
            CrisisDetector.Screening screening = detector.screen(message.text());
            analysed.add(screening.sentences());
            rules.add(screening.hit().isPresent());
            silenced.add(screening.silenced());
        }
        List<String> sections = corpus.messages().stream().map(CrisisCorpus.Labelled::section).distinct().toList();
        // a threshold above 1 stands for threshold - 1 where no phrase was silenced
        double[] thresholds = {0.9, 0.93, 0.95, 0.97, 1.85, 1.9, 1.93, 1.95};
        for (String config : System.getProperty("crisis.lobo.configs", "MAXENT:1:100").split(",")) {
            String[] parts = config.split(":");
            TrainingParameters parameters = TrainingParameters.defaultParams();
            parameters.put(TrainingParameters.ALGORITHM_PARAM, parts[0]);
            parameters.put(TrainingParameters.CUTOFF_PARAM, Integer.parseInt(parts[1]));
            parameters.put(TrainingParameters.ITERATIONS_PARAM, Integer.parseInt(parts[2]));
            // per section, per threshold (0 = rules alone): risk detected, risk, none flagged, none
            long[][][] counts = new long[sections.size()][thresholds.length + 1][4];
            for (int s = 0; s < sections.size(); s++) {
                String section = sections.get(s);
                List<RiskClassifier.Example> training = new ArrayList<>();
                for (int i = 0; i < analysed.size(); i++) {
                    if (!corpus.messages().get(i).section().equals(section)) {
                        training.add(new RiskClassifier.Example(analysed.get(i), corpus.messages().get(i).label()));
                    }
                }
                RiskClassifier classifier = RiskClassifier.train(training, parameters,
                        parts.length > 3 && parts[3].equals("categories"));
                for (int i = 0; i < analysed.size(); i++) {
                    CrisisCorpus.Labelled message = corpus.messages().get(i);
                    if (!message.section().equals(section)) {
                        continue;
                    }
                    double p = classifier.risk(analysed.get(i));
                    int column = message.risky() ? 0 : 2;
                    for (int t = 0; t <= thresholds.length; t++) {
                        boolean flagged = rules.get(i) || t > 0 && (thresholds[t - 1] < 1 ? p >= thresholds[t - 1]
                                : !silenced.get(i) && p >= thresholds[t - 1] - 1);
                        counts[s][t][column] += flagged ? 1 : 0;
                        counts[s][t][column + 1]++;
                    }
                    if (Boolean.getBoolean("crisis.lobo.print") && (message.risky() != rules.get(i) || p >= 0.9)) {
                        System.out.printf("LOBO %s p=%.3f rule=%s silenced=%s : %s%n", message.label(), p,
                                rules.get(i), silenced.get(i), message.text());
                    }
                }
            }
            System.out.printf("LOBO %s%n| section | rules |%s%n", config,
                    Arrays.stream(thresholds).mapToObj(t -> String.format(" or p >= %.2f |", t))
                            .reduce("", String::concat));
            long[][] total = new long[thresholds.length + 1][4];
            for (int s = 0; s < sections.size(); s++) {
                StringBuilder row = new StringBuilder("| " + sections.get(s).substring(0, 24) + " |");
                for (int t = 0; t <= thresholds.length; t++) {
                    long[] c = counts[s][t];
                    row.append(String.format(" %d/%d, %d/%d |", c[0], c[1], c[2], c[3]));
                    for (int k = 0; k < 4; k++) {
                        total[t][k] += c[k];
                    }
                }
                System.out.println(row);
            }
            StringBuilder row = new StringBuilder("| all |");
            for (long[] c : total) {
                row.append(String.format(" %.1f%%, %.1f%% |", 100.0 * c[0] / c[1], 100.0 * c[2] / c[3]));
            }
            System.out.println(row);
        }
    }

    /**
     * The time per message of the phrases alone and of phrases plus classifier, measured alternately on the same
     * development messages in one JVM (best of five passes each), so the machine's load weighs on both alike. Run
     * with {@code -Dcrisis.corpus.speed=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "crisis.corpus.speed", matches = "true")
    void timePerMessage() {
        CrisisCorpus corpus = CrisisCorpus.load("crisis/corpus-dev.tsv");
        CrisisDetector rulesAlone = new CrisisDetector(RiskVocabulary.load("crisis/risk-vocabulary.json"),
                Spelling.load("crisis/spelling.json"));
        corpus.score(rulesAlone);
        double bestRules = Double.MAX_VALUE;
        double bestShipped = Double.MAX_VALUE;
        for (int pass = 0; pass < 5; pass++) {
            bestRules = Math.min(bestRules, corpus.score(rulesAlone).millisPerMessage());
            bestShipped = Math.min(bestShipped, corpus.score(detector).millisPerMessage());
        }
        System.out.printf("ms per message over %d messages, best of 5: phrases alone %.3f, with the classifier %.3f%n",
                corpus.messages().size(), bestRules, bestShipped);
        // The classifier's own share: features and model on messages already analysed.
        RiskClassifier classifier = RiskClassifier.load(RiskClassifier.RESOURCE);
        List<List<List<Token>>> analysed = corpus.messages().stream()
                .map(message -> detector.screen(message.text()).sentences()).toList();
        double bestClassifier = Double.MAX_VALUE;
        for (int pass = 0; pass < 5; pass++) {
            long started = System.nanoTime();
            analysed.forEach(classifier::risk);
            bestClassifier = Math.min(bestClassifier, (System.nanoTime() - started) / 1e6 / analysed.size());
        }
        System.out.printf("ms per message of the classifier alone, best of 5: %.4f%n", bestClassifier);
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
        CrisisCorpus.Score phrases = CrisisCorpus.load("crisis/corpus-heldout.tsv").score(new CrisisDetector(
                RiskVocabulary.load("crisis/risk-vocabulary.json"), Spelling.load("crisis/spelling.json")));
        System.out.printf("held-out, phrases alone: recall %.1f%%, false alarms %.1f%%%n", 100 * phrases.recall(),
                100 * phrases.falseAlarmRate());
        System.out.printf("held-out recall %.1f%% against the bar of %.0f%%%s%n", 100 * score.recall(),
                100 * TARGET_RECALL, score.recall() >= TARGET_RECALL ? ": reached" : ": NOT reached");
        System.out.printf("held-out false alarms %.1f%% against the bar of %.0f%%%s%n", 100 * score.falseAlarmRate(),
                100 * MAX_FALSE_ALARMS, score.falseAlarmRate() <= MAX_FALSE_ALARMS ? ": reached" : ": NOT reached");
        assertThat(score.recall()).as("held-out recall").isGreaterThanOrEqualTo(REACHED_RECALL);
        assertThat(score.falseAlarmRate()).as("held-out false alarms").isLessThanOrEqualTo(REACHED_FALSE_ALARMS);
    }
}
