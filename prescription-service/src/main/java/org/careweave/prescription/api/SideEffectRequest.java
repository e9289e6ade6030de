package org.careweave.prescription.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.careweave.prescription.domain.Severity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SideEffectRequest(
        @Schema(description = "One of the listed symptoms (nausea, headache, dizziness, insomnia, ..., other)")
        @NotBlank @Size(max = 64) String symptom,
        @NotNull Severity severity,
        @Schema(description = "The patient's own words; stays in this service, never in an event")
        @Size(max = 1000) String note) {
}
