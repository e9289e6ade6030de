package org.careweave.therapy.api;

import java.time.Instant;
import java.util.UUID;

import org.careweave.therapy.domain.PrivateNote;

public record PrivateNoteView(UUID sessionId, String body, Instant writtenAt) {

    static PrivateNoteView of(PrivateNote note) {
        return new PrivateNoteView(note.sessionId, note.body, note.writtenAt);
    }
}
