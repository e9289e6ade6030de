package org.careweave.chat.domain;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One word of a message as the risk rules see it: lower case, after spelling and slang are normalised, with its
 * Universal Dependencies part-of-speech tag and lemma ("cutting" -> "cut", "was" -> "be").
 */
public final class Token {

    private static final String[] SUFFIXES = {"ing", "ed", "es", "s"};
    private static final int MIN_STEM = 3;

    private final String word;
    private final String tag;
    private final String lemma;
    private final Set<String> forms;

    public Token(String word, String tag, String lemma) {
        this.word = word;
        this.tag = tag;
        this.lemma = lemma;
        this.forms = forms(word, lemma);
    }

    public String word() {
        return word;
    }

    public String tag() {
        return tag;
    }

    public String lemma() {
        return lemma;
    }

    /**
     * True when any of {@code alternatives} is the word, its lemma, or a regular stem of it ("ending", tagged as a
     * noun, is still "end").
     */
    public boolean isAny(Set<String> alternatives) {
        for (String form : forms) {
            if (alternatives.contains(form)) {
                return true;
            }
        }
        return false;
    }

    /** The word, its lemma and its regular stems: what {@link #isAny} compares. */
    public Set<String> forms() {
        return forms;
    }

    public boolean isPunctuation() {
        return "PUNCT".equals(tag);
    }

    /** The tagger guesses parts of speech in unpunctuated text; regular stems catch its wrong guesses. */
    private static Set<String> forms(String word, String lemma) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        forms.add(lemma);
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= MIN_STEM) {
                String stem = word.substring(0, word.length() - suffix.length());
                forms.add(stem);
                forms.add(stem + "e");
                if (stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                    forms.add(stem.substring(0, stem.length() - 1));
                }
                if (stem.endsWith("y")) {
                    forms.add(stem.substring(0, stem.length() - 1) + "ie");
                }
                break;
            }
        }
        return Set.copyOf(forms);
    }

    @Override
    public String toString() {
        return word + "/" + tag + "/" + lemma;
    }
}
