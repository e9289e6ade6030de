package org.careweave.chat.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.careweave.chat.domain.CrisisResource;
import org.careweave.chat.domain.MessageKind;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A message as members see it. Automated replies carry {@code automated: true} and the author name
 * "Careweave support (automated)"; crisis replies also list {@code resources}.
 *
 * @param sequence increases along the conversation; a gap tells a client it missed something
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(UUID id, UUID conversationId, long sequence, String authorId, String authorRole,
        String authorName, boolean automated, MessageKind kind, String text, Instant sentAt, UUID replyTo,
        List<CrisisResource> resources) {
}
