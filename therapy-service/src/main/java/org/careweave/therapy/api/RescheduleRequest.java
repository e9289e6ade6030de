package org.careweave.therapy.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;

public record RescheduleRequest(@NotNull @Future OffsetDateTime startsAt) {
}
