package org.careweave.chat.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The crisis vocabulary (see {@code crisis/phrases.json}): kept as data so clinicians can review and extend it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CrisisPhrases(
        int negationWindow,
        List<String> negationCues,
        List<String> pseudoNegations,
        List<String> clauseBreaks,
        List<String> exclusions,
        List<Phrase> phrases) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phrase(String text, RiskSeverity severity, List<String> variants) {
    }

    public static CrisisPhrases load(String classpathResource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("Crisis phrase file not found: " + classpathResource);
            }
            return new ObjectMapper().readValue(in, CrisisPhrases.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Crisis phrase file unreadable: " + classpathResource, e);
        }
    }
}
