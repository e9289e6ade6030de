package org.careweave.chat.domain;

import java.util.List;
import java.util.Set;

/**
 * Where the clauses of a sentence begin, so that a negation or a "my friend" reaches no further than its own
 * clause. Patients rarely punctuate: besides punctuation and conjunctions ("but", "and", "so"), a new subject
 * starts a clause ("i have no hope | i want to die"), except after words that introduce or continue one ("if i",
 * "do i", "that i").
 *
 * "So" before an adjective or adverb is an intensifier, not a conjunction ("the song says im so tired of being alive").
 *
 * <p>Two strengths: a hard break (punctuation, conjunction) also ends a segment; a new subject only ends a clause.
 * Quotations and song lyrics reach across new subjects ("the song goes | i want to die") but not past a hard break.
 */
public final class ClauseSplitter {

    /** No clause begins after these parts of speech: auxiliaries ("do i"), prepositions, determiners. */
    private static final Set<String> CONTINUING_TAGS = Set.of("AUX", "ADP", "SCONJ", "CCONJ", "DET", "PART");

    private static final Set<String> INTENSIFIED_TAGS = Set.of("ADJ", "ADV");

    private final Set<String> conjunctions;
    private final Set<String> subjects;
    private final Set<String> openers;

    public ClauseSplitter(List<String> conjunctions, List<String> subjects, List<String> openers) {
        this.conjunctions = Set.copyOf(conjunctions);
        this.subjects = Set.copyOf(subjects);
        this.openers = Set.copyOf(openers);
    }

    /** Clause and segment numbers, one per token. */
    public record Clauses(int[] clause, int[] segment) {

        public boolean sameClause(int a, int b) {
            return clause[a] == clause[b];
        }

        public boolean sameSegment(int a, int b) {
            return segment[a] == segment[b];
        }
    }

    public Clauses split(List<Token> tokens) {
        int[] clause = new int[tokens.size()];
        int[] segment = new int[tokens.size()];
        int c = 0;
        int s = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (i > 0) {
                Token previous = tokens.get(i - 1);
                if (token.isPunctuation() || previous.isPunctuation()
                        || conjunctions.contains(token.word()) && !intensifier(tokens, i)) {
                    c++;
                    s++;
                } else if (subjects.contains(token.word()) && !openers.contains(previous.word())
                        && !CONTINUING_TAGS.contains(previous.tag()) && !subjects.contains(previous.word())) {
                    c++;
                }
            }
            clause[i] = c;
            segment[i] = s;
        }
        return new Clauses(clause, segment);
    }

    /** "so" before an adjective or adverb intensifies ("im so tired of being alive"); it joins clauses elsewhere. */
    private static boolean intensifier(List<Token> tokens, int at) {
        return "so".equals(tokens.get(at).word()) && at + 1 < tokens.size()
                && INTENSIFIED_TAGS.contains(tokens.get(at + 1).tag());
    }
}
