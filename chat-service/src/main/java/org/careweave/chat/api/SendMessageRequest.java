package org.careweave.chat.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.careweave.chat.domain.MessagePipeline;

public record SendMessageRequest(@NotBlank @Size(max = MessagePipeline.MAX_TEXT_LENGTH) String text) {
}
