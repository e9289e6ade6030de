package org.careweave.careplan.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.careweave.careplan.domain.Modality;

/** A new revision; {@code revision} is the one the change was made on (a stale one answers 409). */
public record RevisionRequest(
        @NotNull @Min(1) @Max(Integer.MAX_VALUE) Integer revision,
        @NotNull Modality modality,
        @NotNull @Size(max = 20) List<@Valid @NotNull GoalInput> goals,
        @Valid @NotNull PreferencesInput preferences,
        @NotBlank @Size(max = 500) String reason) {
}
