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
 * <li>someone else: forward within the clause, unless "i", "me", "my" stands between the cue and the phrase's end;
 * reported speech ("my brother keeps saying kms") forward within the segment, whatever the pronouns;</li>
 * <li>purpose: an everyday purpose right after a means or a plan, within the clause ("bought pills for my dogs
 * arthritis", "got bleach to clean the grout"), unless the purpose is personal ("for my kids", "to do it");</li>
 * <li>joking: the whole message, for a joke marker ("jk") or a laugh with a hyperbole ("one more meeting and ill
 * jump out the window lol"), unless an earnest cue ("but seriously") takes it back; see {@link #joking}, which the
 * detector applies to every category but an attempt;</li>
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

    /** How far after a phrase its purpose may stand ("engine running for a minute to warm up the car"). */
    private static final int PURPOSE_REACH = 5;
    /** "a mistake that everyone has to deal with": a relative clause describes, it names no purpose. */
    private static final Set<String> RELATIVES = Set.of("that", "who", "which", "where", "whom");
    /**
     * "a boy at my school died by suicide": a possessive before the phrase names no subject, unlike "he left and i
     * want to die" or one inside it ("take care of my dog").
     */
    private static final Set<String> POSSESSIVES = Set.of("my", "mine");
    /** "he gave away his stuff": what the phrase's gap skips belongs to someone else ("her" also as a possessive). */
    private static final Set<String> OTHERS_POSSESSIVES = Set.of("his", "her", "their");
    private static final Set<String> FUTURE = Set.of("go", "going", "want", "have", "need", "plan");

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
    private final Set<String> reported;
    private final Set<String> purposeExceptions;
    private final List<TokenPattern> jokes;
    private final List<TokenPattern> laughs;
    private final List<TokenPattern> hyperboles;
    private final List<TokenPattern> earnest;

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
        this.reported = Set.copyOf(cues.reported());
        this.purposeExceptions = Set.copyOf(cues.purposeExceptions());
        this.jokes = vocabulary.compile(cues.jokes());
        this.laughs = vocabulary.compile(cues.laughs());
        this.hyperboles = vocabulary.compile(cues.hyperboles());
        this.earnest = vocabulary.compile(cues.earnest());
    }

    /**
     * True when the message is a joke: a joke marker ("jk", "just kidding"), or a laugh ("lol", "lmao") together
     * with a hyperbole frame ("if i have to", "one more", "makes me want to"); a laugh alone is not enough ("i want
     * to die lol"), and an earnest cue ("but seriously", "not joking") anywhere takes the joke back.
     */
    public boolean joking(List<List<Token>> sentences) {
        boolean joke = false;
        boolean laugh = false;
        boolean hyperbole = false;
        for (List<Token> sentence : sentences) {
            if (!find(sentence, earnest).isEmpty()) {
                return false;
            }
            joke |= !find(sentence, jokes).isEmpty();
            laugh |= !find(sentence, laughs).isEmpty();
            hyperbole |= !find(sentence, hyperboles).isEmpty();
        }
        return joke || laugh && hyperbole;
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

        /**
         * The first modifier that reaches {@code phrase}, a match of {@code pattern} of {@code category}, or empty
         * when it is the writer's risk now.
         */
        public Optional<ContextModifier> of(Span phrase, TokenPattern pattern, RiskCategory category) {
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
            if (others.stream().anyMatch(cue -> cue.end() <= phrase.start() && (inClause(cue, phrase)
                    && firstPersons.stream().noneMatch(me -> me.start() >= cue.end() && me.start() < phrase.end()
                            && !(me.start() < phrase.start() && sentence.get(me.start()).isAny(POSSESSIVES)))
                    || reports(cue) && inSegment(cue, phrase)))
                    || others.stream().anyMatch(cue -> ownedByOthers(cue, phrase, pattern))) {
                return Optional.of(ContextModifier.OTHER_PERSON);
            }
            // A lone means word ("rope") says nothing of its use: an everyday context anywhere in its sentence
            // explains it.
            boolean bare = phrase.end() - phrase.start() == 1;
            if (accidents.stream().anyMatch(cue -> inClause(cue, phrase) || skipped(cue, phrase, pattern)
                    || bare && !cue.overlaps(phrase))
                    || everydayPurpose(phrase)
                    || (category == RiskCategory.PLAN || category == RiskCategory.INTENT) && everydayAction(phrase)) {
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

        /** "my brother keeps saying": a verb of speech right after someone else (not "tell them i said"). */
        private boolean reports(Span cue) {
            for (int at = cue.end(); at < Math.min(cue.end() + 2, sentence.size()); at++) {
                int word = at;
                if (firstPersons.stream().anyMatch(me -> me.start() == word)) {
                    return false;
                }
                if (sentence.get(at).isAny(reported)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * "for" + a noun, or "to" + a verb, within a few words after the phrase and in its clause, naming an
         * everyday purpose ("for my sailing lessons", "to clean the grout"); personal purposes ("for my kids", "to
         * end it") and risk places ("for the crossing") stay risk.
         */
        private boolean everydayPurpose(Span phrase) {
            int last = Math.min(phrase.end() + PURPOSE_REACH, sentence.size() - 1);
            for (int at = phrase.end(); at < last; at++) {
                if (!clauses.sameClause(at, phrase.end() - 1)) {
                    return false;
                }
                String word = sentence.get(at).word();
                if (RELATIVES.contains(word)) {
                    return false;
                }
                if ("for".equals(word) && purpose(at + 1, "NOUN", 3)
                        || "to".equals(word) && purpose(at + 1, "VERB", 1)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A timed or planned phrase whose action, later in the sentence, is an everyday one: "when the house is
         * empty im going to blast music", "i know exactly how im going to tell my boss", "im going to do it, im
         * finally signing up for the marathon". The first "going to", "will" or "finally" after the phrase decides.
         */
        private boolean everydayAction(Span phrase) {
            for (int at = phrase.end(); at < sentence.size() - 1; at++) {
                Token word = sentence.get(at);
                if ("to".equals(word.word()) && at > 0 && sentence.get(at - 1).isAny(FUTURE)
                        || "will".equals(word.lemma()) || "finally".equals(word.word())) {
                    return everyday(at + 1);
                }
            }
            return false;
        }

        /** The verb after "going to", "will" or "finally" ("finally signed up"), past adverbs, unless personal. */
        private boolean everyday(int from) {
            int at = from;
            while (at < sentence.size() && "ADV".equals(sentence.get(at).tag())
                    && !sentence.get(at).isAny(purposeExceptions)) {
                at++;
            }
            return at < sentence.size() && !sentence.get(at).isPunctuation()
                    && !sentence.get(at).isAny(purposeExceptions)
                    && (at + 1 >= sentence.size() || !sentence.get(at + 1).isAny(purposeExceptions));
        }

        /** The first word tagged {@code tag} within {@code reach} words of {@code from}, when it is not personal. */
        private boolean purpose(int from, String tag, int reach) {
            for (int at = from; at < Math.min(from + reach, sentence.size()); at++) {
                Token word = sentence.get(at);
                if (word.isAny(purposeExceptions)) {
                    return false;
                }
                if (tag.equals(word.tag())) {
                    // "going to finish my book" is everyday, "going to finish it" is not.
                    return at + 1 >= sentence.size() || !sentence.get(at + 1).isAny(purposeExceptions);
                }
            }
            return false;
        }

        private boolean negates(Span cue, Span phrase) {
            return cue.end() <= phrase.start()
                    && phrase.start() - cue.end() < negationWindow
                    && clauses.sameClause(cue.start(), phrase.start())
                    && sentence.subList(cue.end(), phrase.start() + 1).stream()
                            .noneMatch(word -> negationTerminators.contains(word.word()))
                    && pseudo.stream().noneMatch(cue::overlaps);
        }

        /**
         * "he bought a rope and gave away his stuff": a possessive of someone else that the phrase's gap skipped,
         * after someone else was named and the writer was not, nor after the possessive. "i know where my mom
         * hides her pills" stays the writer's.
         */
        private boolean ownedByOthers(Span cue, Span phrase, TokenPattern pattern) {
            return skipped(cue, phrase, pattern) && sentence.get(cue.start()).isAny(OTHERS_POSSESSIVES)
                    && others.stream().anyMatch(named -> named.end() <= phrase.start()
                            && firstPersons.stream().noneMatch(me -> me.start() >= named.end()
                                    && me.start() < phrase.end()));
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
