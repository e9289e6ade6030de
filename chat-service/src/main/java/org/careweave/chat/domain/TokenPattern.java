package org.careweave.chat.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A phrase of the crisis vocabulary, matched against a sentence's {@link Token}s by word or lemma, so "kill
 * myself" also matches "killing myself" and "killed myself". Syntax, word by word: {@code a|b} either word,
 * {@code word?} optional, {@code *} up to {@value #GAP} words of any kind, {@code $} the end of the sentence or of a clause (punctuation, "and", "but"...),
 * {@code #many} a number of ten or more, or "all", "bunch", "handful" and the like; {@code $} may also be one of a word's
 * alternatives ({@code soon|$}: "soon" or the end).
 */
public final class TokenPattern {

    static final int GAP = 3;
    private static final Set<String> MANY = Set.of("all", "whole", "entire", "every", "everything", "bunch",
            "handful", "lot", "lots", "ton", "tons", "ten", "twenty", "thirty", "forty", "fifty", "hundred", "dozen");

    /** Unpunctuated messages run on: "i have a plan and then i went home" ends the phrase before "and". */
    private static final Set<String> CLAUSE_ENDS = Set.of("and", "but", "so", "because", "then", "though", "or",
            "anyway", "lol", "haha", "tbh");

    private final String source;
    private final List<Element> elements = new ArrayList<>();

    public TokenPattern(String source) {
        this.source = source;
        for (String part : source.trim().split("\\s+")) {
            boolean optional = part.length() > 1 && part.endsWith("?");
            String body = optional ? part.substring(0, part.length() - 1) : part;
            elements.add(switch (body) {
                case "*" -> new Element(Kind.GAP, Set.of(), false, false);
                case "$" -> new Element(Kind.END, Set.of(), false, false);
                case "#many" -> new Element(Kind.MANY, Set.of(), optional, false);
                default -> {
                    Set<String> words = new HashSet<>(Arrays.asList(body.split("\\|")));
                    boolean orEnd = words.remove("$");
                    yield new Element(Kind.WORD, Set.copyOf(words), optional, orEnd);
                }
            });
        }
    }

    /** Where the pattern matches in {@code tokens}: one span per start position, the shortest. */
    public List<Span> find(List<Token> tokens) {
        List<Span> spans = new ArrayList<>();
        for (int start = 0; start < tokens.size(); start++) {
            int end = matchFrom(tokens, 0, start);
            if (end > start) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    /** The end of a match of elements[element..] at {@code at}, or -1. */
    private int matchFrom(List<Token> tokens, int element, int at) {
        if (element == elements.size()) {
            return at;
        }
        Element e = elements.get(element);
        switch (e.kind) {
            case GAP -> {
                for (int skip = 0; skip <= GAP && at + skip <= tokens.size(); skip++) {
                    int end = matchFrom(tokens, element + 1, at + skip);
                    if (end >= 0) {
                        return end;
                    }
                }
                return -1;
            }
            case END -> {
                return atEnd(tokens, at) ? matchFrom(tokens, element + 1, at) : -1;
            }
            default -> {
                if (at < tokens.size() && e.accepts(tokens.get(at))) {
                    int end = matchFrom(tokens, element + 1, at + 1);
                    if (end >= 0) {
                        return end;
                    }
                }
                return e.optional || (e.orEnd && atEnd(tokens, at)) ? matchFrom(tokens, element + 1, at) : -1;
            }
        }
    }

    private static boolean atEnd(List<Token> tokens, int at) {
        return at == tokens.size() || tokens.get(at).isPunctuation() || CLAUSE_ENDS.contains(tokens.get(at).word());
    }

    /**
     * The words one of which must stand where a match starts: the first element's, when it is a word that may not be
     * skipped; empty when a match may start anywhere.
     */
    public Set<String> anchors() {
        Element first = elements.get(0);
        return first.kind == Kind.WORD && !first.optional && !first.orEnd ? first.words : Set.of();
    }

    /** True when {@code token} is one of the pattern's own words ("not" in "not want to live"). */
    public boolean names(Token token) {
        return elements.stream().anyMatch(e -> e.kind == Kind.WORD && token.isAny(e.words));
    }

    @Override
    public String toString() {
        return source;
    }

    /** Tokens [start, end) of a sentence. */
    public record Span(int start, int end) {

        public boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }
    }

    private enum Kind { WORD, GAP, END, MANY }

    private record Element(Kind kind, Set<String> words, boolean optional, boolean orEnd) {

        boolean accepts(Token token) {
            if (kind == Kind.MANY) {
                return MANY.contains(token.word()) || tenOrMore(token.word());
            }
            return token.isAny(words);
        }

        private static boolean tenOrMore(String word) {
            if (word.isEmpty() || word.length() > 6 || !word.chars().allMatch(Character::isDigit)) {
                return false;
            }
            return Integer.parseInt(word) >= 10;
        }
    }
}
