package org.careweave.careplan.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.careweave.careplan.domain.Goal;

/** A goal with a measurable target, e.g. {@code {"measure":"PHQ9","comparator":"BELOW","target":5}}. */
public record GoalInput(
        @NotBlank @Size(max = 200) String description,
        @NotNull Goal.Measure measure,
        @NotNull Goal.Comparator comparator,
        @NotNull @Min(0) @Max(100) Integer target) {

    Goal toGoal() {
        return new Goal(description, measure, comparator, target);
    }
}
