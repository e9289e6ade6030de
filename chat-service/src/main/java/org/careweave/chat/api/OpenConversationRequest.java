package org.careweave.chat.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.careweave.chat.domain.ConversationKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Opens a conversation; a provider names the patient, a patient may leave it out. */
public record OpenConversationRequest(
        @NotNull ConversationKind kind,
        @Schema(description = "The patient's id; required for providers, defaults to the caller for patients")
        @Size(min = 1, max = 100) String patientId) {
}
