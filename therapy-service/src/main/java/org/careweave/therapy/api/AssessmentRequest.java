package org.careweave.therapy.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.careweave.therapy.domain.Instrument;

/**
 * The answers in item order; how many an instrument needs is checked against the instrument. A patient
 * recording their own assessment may leave out {@code patientId}: it defaults to the caller.
 */
public record AssessmentRequest(
        @Size(max = 100) String patientId,
        @NotNull Instrument instrument,
        @NotNull @Size(max = Instrument.MOST_ITEMS) List<@NotNull @Min(Instrument.MIN_ANSWER) @Max(Instrument.MAX_ANSWER) Integer> answers,
        UUID sessionId) {
}
