package org.careweave.chat.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the crisis vocabulary files: kept as data so clinicians can review and extend them without code. */
final class Vocabulary {

    private Vocabulary() {
    }

    static <T> T read(String classpathResource, Class<T> type) {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("Crisis vocabulary not found: " + classpathResource);
            }
            return new ObjectMapper().readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Crisis vocabulary unreadable: " + classpathResource, e);
        }
    }
}
