package org.careweave.prescription.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.careweave.prescription.domain.CheckInStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

public record CheckInRequest(
        @NotNull CheckInStatus status,
        @Schema(format = "date-time", description = "When the dose was taken (for MISSED: when it was due), in the patient's local time "
                + "with its UTC offset, e.g. 2026-11-03T08:15:00-05:00. Its local date and time of day pick the "
                + "scheduled dose.")
        // Keep the patient's offset: the local time of day decides the scheduled dose.
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        @NotNull OffsetDateTime takenAt,
        @Schema(description = "The patient's own words; stays in this service, never in an event")
        @Size(max = 1000) String note) {
}
