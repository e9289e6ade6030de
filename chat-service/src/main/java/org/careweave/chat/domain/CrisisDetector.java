package org.careweave.chat.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds messages that suggest suicidal thoughts or self-harm. Errs towards firing: a missed crisis costs far
 * more than an unneeded crisis reply, so only an explicit negation close before a phrase ("I would never hurt
 * myself") silences it.
 */
@ApplicationScoped
public class CrisisDetector {

    /** Separates clauses in the token stream; negation never reaches across it. */
    private static final String BREAK = "|";

    private final int window;
    private final List<String[]> negationCues;
    private final List<String[]> pseudoNegations;
    private final List<String[]> exclusions;
    private final Set<String> clauseBreaks;
    private final List<Pattern> patterns = new ArrayList<>();

    @Inject
    public CrisisDetector(@ConfigProperty(name = "careweave.chat.crisis.phrases") String phraseResource) {
        this(CrisisPhrases.load(phraseResource));
    }

    public CrisisDetector(CrisisPhrases phrases) {
        this.window = phrases.negationWindow();
        this.clauseBreaks = Set.copyOf(phrases.clauseBreaks());
        this.negationCues = vocabulary(phrases.negationCues());
        this.pseudoNegations = vocabulary(phrases.pseudoNegations());
        this.exclusions = vocabulary(phrases.exclusions());
        for (CrisisPhrases.Phrase phrase : phrases.phrases()) {
            patterns.add(new Pattern(words(phrase.text()), phrase.severity()));
            phrase.variants().forEach(variant -> patterns.add(new Pattern(words(variant), phrase.severity())));
        }
        // Longest first, so "dont want to live" is judged as a whole before any shorter phrase inside it.
        patterns.sort(Comparator.comparingInt((Pattern p) -> p.tokens.length).reversed());
    }

    /** The most severe unnegated hit in {@code text}, or empty when nothing suggests risk. */
    public Optional<RiskSeverity> assess(String text) {
        String[] tokens = Arrays.stream(words(text))
                .map(word -> clauseBreaks.contains(word) ? BREAK : word)
                .toArray(String[]::new);
        boolean[] excluded = markAll(tokens, exclusions);
        boolean[] pseudo = markAll(tokens, pseudoNegations);
        RiskSeverity worst = null;
        for (Pattern pattern : patterns) {
            for (int start : occurrences(tokens, pattern.tokens)) {
                if (covered(excluded, start, pattern.tokens.length) || negated(tokens, pseudo, start)) {
                    continue;
                }
                if (worst == null || pattern.severity.compareTo(worst) > 0) {
                    worst = pattern.severity;
                }
            }
        }
        return Optional.ofNullable(worst);
    }

    private boolean negated(String[] tokens, boolean[] pseudo, int phraseStart) {
        int from = phraseStart;
        while (from > 0 && phraseStart - from < window && !tokens[from - 1].equals(BREAK)) {
            from--;
        }
        for (String[] cue : negationCues) {
            for (int at = from; at + cue.length <= phraseStart; at++) {
                if (matchesAt(tokens, cue, at) && !covered(pseudo, at, cue.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower-case words without apostrophes ("don't" = "dont"); clause punctuation becomes {@link #BREAK}. */
    private static String[] words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase()
                .replaceAll("['’‘`´]", "")
                .replaceAll("[.,;:!?()\\[\\]\"“”…—–]+", " " + BREAK + " ")
                .replaceAll("[^\\p{L}\\p{N}|]+", " ")
                .trim();
        if (plain.isEmpty()) {
            return new String[0];
        }
        return plain.split("\\s+");
    }

    private static List<String[]> vocabulary(List<String> phrases) {
        return phrases.stream().map(CrisisDetector::words).filter(w -> w.length > 0).collect(Collectors.toList());
    }

    private static boolean[] markAll(String[] tokens, List<String[]> phrases) {
        boolean[] marked = new boolean[tokens.length];
        for (String[] phrase : phrases) {
            for (int start : occurrences(tokens, phrase)) {
                Arrays.fill(marked, start, start + phrase.length, true);
            }
        }
        return marked;
    }

    private static List<Integer> occurrences(String[] tokens, String[] phrase) {
        List<Integer> found = new ArrayList<>();
        for (int at = 0; at + phrase.length <= tokens.length; at++) {
            if (matchesAt(tokens, phrase, at)) {
                found.add(at);
            }
        }
        return found;
    }

    private static boolean matchesAt(String[] tokens, String[] phrase, int at) {
        for (int i = 0; i < phrase.length; i++) {
            if (!tokens[at + i].equals(phrase[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean covered(boolean[] marked, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (marked[i]) {
                return true;
            }
        }
        return false;
    }

    private record Pattern(String[] tokens, RiskSeverity severity) {
    }
}
