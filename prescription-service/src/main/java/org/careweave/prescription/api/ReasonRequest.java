package org.careweave.prescription.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A decision that must say why: discontinuing a prescription, denying a refill. */
public record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
}
