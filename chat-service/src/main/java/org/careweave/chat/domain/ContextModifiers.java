package org.careweave.chat.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.careweave.chat.domain.ClauseSplitter.Clauses;
import org.careweave.chat.domain.TokenPattern.Span;

/**
 * ConText-style modifiers of a risk phrase. Each modifier's cues reach only so far, and when none reaches the
 * phrase it counts as the writer's own risk now (when unsure, alert):
 * <ul>
 * <li>negation: forward, at most {@code negationWindow} words, within the clause and not past (nor at the start of the phrase) a subordinating word
 * that opens a new scope ("i wouldnt mind | if a bus hit me", "i wont be here | when you read this"), or inside the words a phrase's
 * gap skips ("i have no plan" against "have * plan"); a cue that is part of a pseudo-negation ("can't stop", "not
 * sure") or one of the phrase's own words ("don't want to live") does not count;</li>
 * <li>someone else: forward within the clause, unless "i", "me", "my" stands between the cue and the phrase's end;</li>
 * <li>hypothetical: within the clause; accidental (everyday contexts): within the clause, including the words a
 * phrase's gap skipped;</li>
 * <li>educational: within the clause, either side, never for a phrase with "i", "me", "my" in it ("researching
 * ways to kill myself");</li>
 * <li>quoted: lyrics are often in the first person ("that lyric i wish i was dead"), so a quote reaches any phrase
 * of its segment;</li>
 * <li>historical, quoted: within the segment (up to a conjunction or punctuation), either side; a resolution
 * ("not anymore", "a long time ago") later in the sentence also makes the phrase historical.</li>
 * </ul>
 */
public final class ContextModifiers {

    private final int negationWindow;
    private final Set<String> negationTerminators;
    private final List<TokenPattern> negated;
    private final List<TokenPattern> pseudoNegations;
    private final List<TokenPattern> otherPerson;
    private final List<TokenPattern> firstPerson;
    private final List<TokenPattern> hypothetical;
    private final List<TokenPattern> historical;
    private final List<TokenPattern> resolved;
    private final List<TokenPattern> accidental;
    private final List<TokenPattern> quoted;
    private final List<TokenPattern> educational;

    public ContextModifiers(RiskVocabulary vocabulary) {
        RiskVocabulary.Modifiers cues = vocabulary.modifiers();
        this.negationWindow = cues.negationWindow();
        this.negationTerminators = Set.copyOf(cues.negationTerminators());
        this.negated = vocabulary.compile(cues.negated());
        this.pseudoNegations = vocabulary.compile(cues.pseudoNegations());
        this.otherPerson = vocabulary.compile(cues.otherPerson());
        this.firstPerson = vocabulary.compile(cues.firstPerson());
        this.hypothetical = vocabulary.compile(cues.hypothetical());
        this.historical = vocabulary.compile(cues.historical());
        this.resolved = vocabulary.compile(cues.resolved());
        this.accidental = vocabulary.compile(cues.accidental());
        this.quoted = vocabulary.compile(cues.quoted());
        this.educational = vocabulary.compile(cues.educational());
    }

    /** The cues found in one sentence, to judge each risk phrase in it. */
    public Scope scope(List<Token> sentence, Clauses clauses) {
        return new Scope(sentence, clauses);
    }

    public final class Scope {

        private final List<Token> sentence;
        private final Clauses clauses;
        private final List<Span> negations;
        private final List<Span> pseudo;
        private final List<Span> others;
        private final List<Span> firstPersons;
        private final List<Span> hypotheticals;
        private final List<Span> past;
        private final List<Span> resolutions;
        private final List<Span> accidents;
        private final List<Span> quotes;
        private final List<Span> lessons;

        private Scope(List<Token> sentence, Clauses clauses) {
            this.sentence = sentence;
            this.clauses = clauses;
            this.negations = find(sentence, negated);
            this.pseudo = find(sentence, pseudoNegations);
            this.others = find(sentence, otherPerson);
            this.firstPersons = find(sentence, firstPerson);
            this.hypotheticals = find(sentence, hypothetical);
            this.past = find(sentence, historical);
            this.resolutions = find(sentence, resolved);
            this.accidents = find(sentence, accidental);
            this.quotes = find(sentence, quoted);
            this.lessons = find(sentence, educational);
        }

        /** The first modifier that reaches {@code phrase}, a match of {@code pattern}, or empty when it is the writer's risk now. */
        public Optional<ContextModifier> of(Span phrase, TokenPattern pattern) {
            if (negations.stream().anyMatch(cue -> negates(cue, phrase) || negatesWithin(cue, phrase, pattern))) {
                return Optional.of(ContextModifier.NEGATED);
            }
            if (past.stream().anyMatch(cue -> inSegment(cue, phrase))
                    || resolutions.stream().anyMatch(cue -> cue.start() >= phrase.end())) {
                return Optional.of(ContextModifier.HISTORICAL);
            }
            if (hypotheticals.stream().anyMatch(cue -> inClause(cue, phrase))) {
                return Optional.of(ContextModifier.HYPOTHETICAL);
            }
            if (others.stream().anyMatch(cue -> cue.end() <= phrase.start() && inClause(cue, phrase)
                    && firstPersons.stream().noneMatch(me -> me.start() >= cue.end() && me.start() < phrase.end()))) {
                return Optional.of(ContextModifier.OTHER_PERSON);
            }
            if (accidents.stream().anyMatch(cue -> inClause(cue, phrase) || skipped(cue, phrase, pattern))) {
                return Optional.of(ContextModifier.ACCIDENTAL);
            }
            // "researching ways to kill myself" is about the writer whatever the topic words around it.
            boolean aboutMe = firstPersons.stream().anyMatch(phrase::overlaps);
            if (quotes.stream().anyMatch(cue -> inSegment(cue, phrase))) {
                return Optional.of(ContextModifier.QUOTED);
            }
            if (!aboutMe && lessons.stream().anyMatch(cue -> inClause(cue, phrase))) {
                return Optional.of(ContextModifier.EDUCATIONAL);
            }
            return Optional.empty();
        }

        private boolean negates(Span cue, Span phrase) {
            return cue.end() <= phrase.start()
                    && phrase.start() - cue.end() < negationWindow
                    && clauses.sameClause(cue.start(), phrase.start())
                    && sentence.subList(cue.end(), phrase.start() + 1).stream()
                            .noneMatch(word -> negationTerminators.contains(word.word()))
                    && pseudo.stream().noneMatch(cue::overlaps);
        }

        /** "have no plan": a negation the phrase's gap skipped, not one of the phrase's own words. */
        private boolean negatesWithin(Span cue, Span phrase, TokenPattern pattern) {
            return skipped(cue, phrase, pattern) && pseudo.stream().noneMatch(cue::overlaps);
        }

        /** A cue inside the words a phrase's gap skipped ("going to the roof bar tonight"). */
        private boolean skipped(Span cue, Span phrase, TokenPattern pattern) {
            return cue.start() > phrase.start() && cue.end() <= phrase.end()
                    && !pattern.names(sentence.get(cue.start()));
        }

        private boolean inClause(Span cue, Span phrase) {
            return !cue.overlaps(phrase) && (clauses.sameClause(cue.start(), phrase.start())
                    || clauses.sameClause(cue.end() - 1, phrase.end() - 1));
        }

        private boolean inSegment(Span cue, Span phrase) {
            return !cue.overlaps(phrase) && (clauses.sameSegment(cue.start(), phrase.start())
                    || clauses.sameSegment(cue.end() - 1, phrase.end() - 1));
        }
    }

    private static List<Span> find(List<Token> sentence, List<TokenPattern> patterns) {
        List<Span> spans = new ArrayList<>();
        for (TokenPattern pattern : patterns) {
            spans.addAll(pattern.find(sentence));
        }
        return spans;
    }
}
