package org.careweave.chat.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.chat.domain.TokenPattern.Span;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/**
 * Finds messages that suggest suicidal thoughts, self-harm or a crisis, and says how urgent and of which C-SSRS
 * category. Errs towards firing: a missed crisis costs far more than an unneeded crisis reply, so a phrase is
 * silenced only when a context modifier ({@link ContextModifiers}) clearly reaches it. A message in which no phrase
 * matched at all goes to a {@link RiskClassifier} trained on the development corpus, which catches wordings the
 * phrases do not know; it never overrides a phrase that a modifier silenced.
 *
 * <p>Built at startup: loading the language models takes about a second, a message then takes milliseconds.
 */
@Startup
@ApplicationScoped
public class CrisisDetector {

    private static final Set<String> NEGATIONS = Set.of("not", "never", "n't");
    /** Shown as the rule of a hit that only the classifier found. */
    static final String CLASSIFIER_RULE = "classifier";

    private final TextAnalyzer analyzer;
    private final ClauseSplitter clauseSplitter;
    private final ContextModifiers modifiers;
    private final List<CategoryPattern> patterns = new ArrayList<>();
    /** Patterns by the words their matches start with, so a sentence tries only those its words can start. */
    private final Map<String, List<Integer>> anchored = new HashMap<>();
    private final List<Integer> unanchored = new ArrayList<>();
    private final List<TokenPattern> exclusions;
    private final List<TokenPattern> returning;
    private final List<TokenPattern> imminence;
    private final List<TokenPattern> recentPast;
    private final RiskClassifier classifier;
    private final double classifierThreshold;

    @Inject
    public CrisisDetector(@ConfigProperty(name = "careweave.chat.crisis.vocabulary") String vocabulary,
            @ConfigProperty(name = "careweave.chat.crisis.spelling") String spelling,
            @ConfigProperty(name = "careweave.chat.crisis.classifier") String classifier,
            @ConfigProperty(name = "careweave.chat.crisis.classifier-threshold") double classifierThreshold) {
        this(RiskVocabulary.load(vocabulary), Spelling.load(spelling), RiskClassifier.load(classifier),
                classifierThreshold);
    }

    /** The phrases alone, without a classifier. */
    public CrisisDetector(RiskVocabulary vocabulary, Spelling spelling) {
        this(vocabulary, spelling, null, 1);
    }

    /** {@code classifier}: may be null; it raises a hit when the probability of risk is at least the threshold. */
    public CrisisDetector(RiskVocabulary vocabulary, Spelling spelling, RiskClassifier classifier,
            double classifierThreshold) {
        this.classifier = classifier;
        this.classifierThreshold = classifierThreshold;
        this.analyzer = new TextAnalyzer(spelling);
        RiskVocabulary.Clauses clauses = vocabulary.clauses();
        this.clauseSplitter = new ClauseSplitter(clauses.conjunctions(), clauses.subjects(), clauses.openers());
        this.modifiers = new ContextModifiers(vocabulary);
        for (Map.Entry<RiskCategory, List<String>> category : vocabulary.categories().entrySet()) {
            vocabulary.compile(category.getValue())
                    .forEach(pattern -> patterns.add(new CategoryPattern(category.getKey(), pattern)));
        }
        for (int i = 0; i < patterns.size(); i++) {
            Set<String> anchors = patterns.get(i).pattern.anchors();
            if (anchors.isEmpty()) {
                unanchored.add(i);
            }
            for (String anchor : anchors) {
                anchored.computeIfAbsent(anchor, word -> new ArrayList<>()).add(i);
            }
        }
        this.exclusions = vocabulary.compile(vocabulary.exclusions());
        this.returning = vocabulary.compile(vocabulary.returning());
        this.imminence = vocabulary.compile(vocabulary.imminence());
        this.recentPast = vocabulary.compile(vocabulary.recentPast());
    }

    /** The most urgent unmodified hit in {@code text}, or empty when nothing suggests risk. */
    public Optional<RiskAssessment> assess(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Screening screening = screen(text);
        if (screening.hit().isPresent() || screening.silenced() || classifier == null
                || classifier.risk(screening.sentences()) < classifierThreshold) {
            return screening.hit();
        }
        // The classifier knows risk, not its kind: the non-specific category, imminent with an imminence cue.
        return Optional.of(new RiskAssessment(screening.imminent() ? RiskSeverity.IMMINENT
                : RiskCategory.ACTIVE_THOUGHTS.severity(), RiskCategory.ACTIVE_THOUGHTS, CLASSIFIER_RULE));
    }

    /**
     * What the phrases alone find in {@code text}: the most urgent unmodified hit, and whether a phrase matched but
     * a modifier, an exclusion, a joke or a promised return silenced it.
     */
    Screening screen(String text) {
        List<List<Token>> sentences = analyzer.sentences(text);
        boolean imminent = sentences.stream().anyMatch(sentence -> matchesAny(sentence, imminence));
        boolean silenced = false;
        List<RiskAssessment> hits = new ArrayList<>();
        for (List<Token> sentence : sentences) {
            // Clauses, modifiers and exclusions cost as much as the phrases: only a sentence with a phrase needs them.
            ContextModifiers.Scope scope = null;
            List<Span> excluded = null;
            for (int candidate : candidates(sentence)) {
                CategoryPattern pattern = patterns.get(candidate);
                for (Span span : pattern.pattern.find(sentence)) {
                    if (scope == null) {
                        scope = modifiers.scope(sentence, clauseSplitter.split(sentence));
                        excluded = find(sentence, exclusions);
                    }
                    if (excluded.stream().noneMatch(span::overlaps)
                            && scope.of(span, pattern.pattern, pattern.category).isEmpty()) {
                        hits.add(new RiskAssessment(severity(pattern.category, sentence, imminent), pattern.category,
                                pattern.pattern.toString()));
                    } else {
                        silenced = true;
                    }
                }
            }
        }
        // A joke silences talk of dying, never an attempt told as one ("lol i took all my pills").
        if (!hits.isEmpty() && modifiers.joking(sentences)) {
            silenced |= hits.removeIf(hit -> hit.category() != RiskCategory.ATTEMPT);
        }
        // "goodbye everyone, see you after the holidays": a goodbye with a return is an everyday one.
        if (hits.stream().anyMatch(hit -> hit.category() == RiskCategory.FAREWELL)
                && sentences.stream().anyMatch(this::promisesReturn)) {
            silenced |= hits.removeIf(hit -> hit.category() == RiskCategory.FAREWELL);
        }
        return new Screening(sentences, hits.stream().max(Comparator.comparing(RiskAssessment::severity)
                .thenComparing(RiskAssessment::category)), silenced, imminent);
    }

    /** What the phrases found in a message, with its analysed sentences for the classifier. */
    record Screening(List<List<Token>> sentences, Optional<RiskAssessment> hit, boolean silenced, boolean imminent) {
    }

    /**
     * IMMINENT for an attempt unless it was days ago, and for a method, intent, plan or preparation together with
     * "tonight", "right now", "in my hand" and the like anywhere in the message.
     */
    private RiskSeverity severity(RiskCategory category, List<Token> sentence, boolean imminent) {
        return switch (category) {
            case ATTEMPT -> matchesAny(sentence, recentPast) ? RiskSeverity.HIGH : RiskSeverity.IMMINENT;
            case METHOD, INTENT, PLAN, PREPARATION -> imminent ? RiskSeverity.IMMINENT : category.severity();
            default -> category.severity();
        };
    }

    /** "see you after the holidays", not "i wont see you next week". */
    private boolean promisesReturn(List<Token> sentence) {
        return find(sentence, returning).stream()
                .anyMatch(span -> span.start() == 0 || !sentence.get(span.start() - 1).isAny(NEGATIONS));
    }

    /** The patterns a match of which could start at one of the sentence's words, in vocabulary order. */
    private int[] candidates(List<Token> sentence) {
        BitSet candidates = new BitSet(patterns.size());
        unanchored.forEach(candidates::set);
        for (Token token : sentence) {
            for (String form : token.forms()) {
                List<Integer> starting = anchored.get(form);
                if (starting != null) {
                    starting.forEach(candidates::set);
                }
            }
        }
        return candidates.stream().toArray();
    }

    private static boolean matchesAny(List<Token> sentence, List<TokenPattern> cues) {
        return cues.stream().anyMatch(cue -> !cue.find(sentence).isEmpty());
    }

    private static List<Span> find(List<Token> sentence, List<TokenPattern> cues) {
        List<Span> spans = new ArrayList<>();
        cues.forEach(cue -> spans.addAll(cue.find(sentence)));
        return spans;
    }

    private record CategoryPattern(RiskCategory category, TokenPattern pattern) {
    }
}
