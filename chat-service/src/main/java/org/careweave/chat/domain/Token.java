package org.careweave.chat.domain;

/**
 * One word of a message as the risk rules see it: lower case, after spelling and slang are normalised, with its
 * Universal Dependencies part-of-speech tag and lemma ("cutting" -> "cut", "was" -> "be").
 */
public record Token(String word, String tag, String lemma) {

    /**
     * True for the word, its lemma, or a regular inflection of {@code form} when the tagger guessed the part of
     * speech wrong in unpunctuated text ("ending" tagged as a noun is still "end").
     */
    public boolean is(String form) {
        return word.equals(form) || lemma.equals(form) || inflects(form);
    }

    private boolean inflects(String form) {
        if (form.length() < 3 || !word.startsWith(form.substring(0, 3))) {
            return false;
        }
        for (String suffix : new String[] {"ing", "ed", "s", "es"}) {
            if (word.endsWith(suffix)) {
                String stem = word.substring(0, word.length() - suffix.length());
                if (stem.equals(form) || (stem + "e").equals(form) || stem.equals(form + form.charAt(form.length() - 1))
                        || (stem.endsWith("y") && (stem.substring(0, stem.length() - 1) + "ie").equals(form))) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean isPunctuation() {
        return "PUNCT".equals(tag);
    }
}
