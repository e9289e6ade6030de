package org.careweave.chat.domain;

/**
 * One word of a message as the risk rules see it: lower case, after spelling and slang are normalised, with its
 * Universal Dependencies part-of-speech tag and lemma ("cutting" -> "cut", "was" -> "be").
 */
public record Token(String word, String tag, String lemma) {

    public boolean is(String form) {
        return word.equals(form) || lemma.equals(form);
    }

    public boolean isPunctuation() {
        return "PUNCT".equals(tag);
    }
}
