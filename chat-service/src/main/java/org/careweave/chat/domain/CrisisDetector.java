package org.careweave.chat.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.chat.domain.ClauseSplitter.Clauses;
import org.careweave.chat.domain.TokenPattern.Span;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/**
 * Finds messages that suggest suicidal thoughts, self-harm or a crisis, and says how urgent and of which C-SSRS
 * category. Errs towards firing: a missed crisis costs far more than an unneeded crisis reply, so a phrase is
 * silenced only when a context modifier ({@link ContextModifiers}) clearly reaches it.
 *
 * <p>Built at startup: loading the language models takes about a second, a message then takes milliseconds.
 */
@Startup
@ApplicationScoped
public class CrisisDetector {

    private final TextAnalyzer analyzer;
    private final ClauseSplitter clauseSplitter;
    private final ContextModifiers modifiers;
    private final List<CategoryPattern> patterns = new ArrayList<>();
    private final List<TokenPattern> exclusions;
    private final List<TokenPattern> imminence;
    private final List<TokenPattern> recentPast;

    @Inject
    public CrisisDetector(@ConfigProperty(name = "careweave.chat.crisis.vocabulary") String vocabulary,
            @ConfigProperty(name = "careweave.chat.crisis.spelling") String spelling) {
        this(RiskVocabulary.load(vocabulary), Spelling.load(spelling));
    }

    public CrisisDetector(RiskVocabulary vocabulary, Spelling spelling) {
        this.analyzer = new TextAnalyzer(spelling);
        RiskVocabulary.Clauses clauses = vocabulary.clauses();
        this.clauseSplitter = new ClauseSplitter(clauses.conjunctions(), clauses.subjects(), clauses.openers());
        this.modifiers = new ContextModifiers(vocabulary);
        for (Map.Entry<RiskCategory, List<String>> category : vocabulary.categories().entrySet()) {
            vocabulary.compile(category.getValue())
                    .forEach(pattern -> patterns.add(new CategoryPattern(category.getKey(), pattern)));
        }
        this.exclusions = vocabulary.compile(vocabulary.exclusions());
        this.imminence = vocabulary.compile(vocabulary.imminence());
        this.recentPast = vocabulary.compile(vocabulary.recentPast());
    }

    /** The most urgent unmodified hit in {@code text}, or empty when nothing suggests risk. */
    public Optional<RiskAssessment> assess(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<List<Token>> sentences = analyzer.sentences(text);
        boolean imminent = sentences.stream().anyMatch(sentence -> matchesAny(sentence, imminence));
        // A joke silences talk of dying, never an attempt told as one ("lol i took all my pills").
        boolean joking = modifiers.joking(sentences);
        List<RiskAssessment> hits = new ArrayList<>();
        for (List<Token> sentence : sentences) {
            Clauses clauses = clauseSplitter.split(sentence);
            ContextModifiers.Scope scope = modifiers.scope(sentence, clauses);
            List<Span> excluded = find(sentence, exclusions);
            for (CategoryPattern pattern : patterns) {
                for (Span span : pattern.pattern.find(sentence)) {
                    if (excluded.stream().noneMatch(span::overlaps) && scope.of(span, pattern.pattern, pattern.category).isEmpty()
                            && !(joking && pattern.category != RiskCategory.ATTEMPT)) {
                        hits.add(new RiskAssessment(severity(pattern.category, sentence, imminent), pattern.category,
                                pattern.pattern.toString()));
                    }
                }
            }
        }
        return hits.stream().max(Comparator.comparing(RiskAssessment::severity)
                .thenComparing(RiskAssessment::category));
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
