package org.careweave.chat.access;

import java.util.Set;

import org.careweave.platform.access.Roles;

/** A signed-in chat participant: token subject and realm roles, kept with a WebSocket connection for its lifetime. */
public record ChatUser(String id, Set<String> roles) {

    private static final Set<String> PROVIDER_ROLES = Set.of(Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR);

    public ChatUser {
        roles = Set.copyOf(roles);
    }

    public boolean isPatient() {
        return roles.contains(Roles.PATIENT);
    }

    public boolean isProvider() {
        return roles.stream().anyMatch(PROVIDER_ROLES::contains);
    }
}
