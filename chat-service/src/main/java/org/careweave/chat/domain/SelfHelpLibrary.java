package org.careweave.chat.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The self-help exercises automated support may offer ({@code support/self-help.json}). Questions about
 * medicines or a diagnosis get a pointer to the care team instead of an exercise.
 */
@ApplicationScoped
public class SelfHelpLibrary {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Exercise(String id, String title, List<String> cues, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Redirect(List<String> cues, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(List<Exercise> exercises, Redirect outOfScope) {
    }

    private final Content content;

    @Inject
    public SelfHelpLibrary(@ConfigProperty(name = "careweave.chat.automated-support.content") String resource) {
        this.content = load(resource);
    }

    public List<Exercise> exercises() {
        return content.exercises();
    }

    /** What automated support answers to {@code patientText}; {@code turn} rotates exercises when no cue fits. */
    public String answer(String patientText, long turn) {
        String words = " " + normalized(patientText) + " ";
        if (mentions(words, content.outOfScope().cues())) {
            return content.outOfScope().text();
        }
        List<Exercise> exercises = content.exercises();
        return exercises.stream()
                .filter(exercise -> mentions(words, exercise.cues()))
                .findFirst()
                .orElse(exercises.get((int) Math.floorMod(turn, (long) exercises.size())))
                .text();
    }

    private static boolean mentions(String words, List<String> cues) {
        return cues.stream().anyMatch(cue -> words.contains(" " + normalized(cue) + " "));
    }

    private static String normalized(String text) {
        return text.toLowerCase().replaceAll("['’‘`]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static Content load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Self-help content not found: " + resource);
            }
            return new ObjectMapper().readValue(in, Content.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Self-help content unreadable: " + resource, e);
        }
    }
}
