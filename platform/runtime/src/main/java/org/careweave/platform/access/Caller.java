package org.careweave.platform.access;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: the token's subject (principal claim is `sub`) and realm roles. */
@RequestScoped
public class Caller {

    private static final List<String> ROLE_PRECEDENCE = List.of(Roles.ADMIN, Roles.CARE_COORDINATOR,
            Roles.PSYCHIATRIST, Roles.THERAPIST, Roles.PATIENT);

    @Inject
    SecurityIdentity identity;

    public String id() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isPatient(String patientId) {
        return hasRole(Roles.PATIENT) && id().equals(patientId);
    }

    /** The one role an audit entry names; a user with several roles is recorded by the most privileged. */
    public String primaryRole() {
        return ROLE_PRECEDENCE.stream().filter(identity::hasRole).findFirst().orElse("none");
    }
}
