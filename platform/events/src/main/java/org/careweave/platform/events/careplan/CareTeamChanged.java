package org.careweave.platform.events.careplan;

import java.util.List;

import org.careweave.platform.events.EventPayload;

/**
 * The care team of a plan changed. {@code members} is the whole current team, not a delta, so a consumer
 * can replace its projection and a redelivered or reordered event cannot leave a stale member behind.
 */
public record CareTeamChanged(
        String patientId,
        String carePlanId,
        List<Member> members) implements EventPayload {

    public CareTeamChanged {
        members = List.copyOf(members);
    }

    /** A provider on the team; {@code role} is THERAPIST, PRESCRIBER or COORDINATOR. */
    public record Member(String providerId, String role) {
    }
}
