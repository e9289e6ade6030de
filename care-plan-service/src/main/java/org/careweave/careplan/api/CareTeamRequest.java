package org.careweave.careplan.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Keycloak user ids of the therapist and the prescriber (psychiatrist); at least one is required. */
public record CareTeamRequest(
        @Size(max = 36) @Pattern(regexp = UUID_PATTERN, message = "must be a user id") String therapistId,
        @Size(max = 36) @Pattern(regexp = UUID_PATTERN, message = "must be a user id") String prescriberId) {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
}
