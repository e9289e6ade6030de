package org.careweave.chat.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How patients spell in chat, from {@code crisis/spelling.json}: slang, common misspellings and run-together
 * words become the words the taggers and the risk vocabulary know ("sucidal" -> "suicidal", "kms" -> "kill
 * myself", "my self" -> "myself"). Keys have up to three words; the longest match wins.
 */
public final class Spelling {

    private static final Pattern ELONGATED = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern NOT_A_WORD = Pattern.compile("[\\p{Pd}\"'`´*_~]+");
    private static final Pattern HYPHEN = Pattern.compile("\\p{Pd}+");
    private static final int LONGEST_KEY = 3;

    private final Map<String, String[]> rewrites = new HashMap<>();

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(Map<String, String> rewrites) {
    }

    public Spelling(Source source) {
        source.rewrites().forEach((from, to) -> rewrites.put(from.toLowerCase(Locale.ROOT), to.split("\\s+")));
    }

    public static Spelling load(String classpathResource) {
        return new Spelling(Vocabulary.read(classpathResource, Source.class));
    }

    /** Lower-cased, rewritten words; stray quotes and dashes go, "self-harm" is two words, "sooo" becomes "so". */
    public String[] normalise(String[] tokens) {
        List<String> words = new ArrayList<>(tokens.length);
        for (String token : tokens) {
            String word = token.toLowerCase(Locale.ROOT);
            if (NOT_A_WORD.matcher(word).matches()) {
                continue;
            }
            // A rewrite of the word as typed wins ("od'd" is "overdosed", "odd" is not).
            String[] asTyped = rewrites.get(word);
            if (asTyped != null && word.contains("'")) {
                words.addAll(List.of(asTyped));
                continue;
            }
            // Keep the models' contractions ("n't", "'m"); elsewhere "dont" and "don't" are the same word.
            if (!word.startsWith("'")) {
                word = word.replace("'", "");
            }
            for (String part : HYPHEN.split(ELONGATED.matcher(word).replaceAll("$1"))) {
                if (!part.isEmpty()) {
                    words.add(part);
                }
            }
        }
        List<String> out = new ArrayList<>(words.size() + 4);
        int at = 0;
        while (at < words.size()) {
            int used = 0;
            for (int length = Math.min(LONGEST_KEY, words.size() - at); length > 0 && used == 0; length--) {
                String[] replacement = rewrites.get(String.join(" ", words.subList(at, at + length)));
                if (replacement != null) {
                    out.addAll(List.of(replacement));
                    used = length;
                }
            }
            if (used == 0) {
                out.add(words.get(at));
                used = 1;
            }
            at += used;
        }
        return out.toArray(String[]::new);
    }
}
