package org.careweave.therapy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code summary} is shared with the care team; {@code privateNote} stays with its author. */
public record CompleteRequest(
        @NotBlank @Size(max = 4000) String summary,
        @Size(max = 20000) String privateNote,
        @Size(max = 2000) String homework) {
}
