package org.careweave.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoutePoliciesTest {

    private final RoutePolicies policies = new RoutePolicies(List.of(
            RoutePolicy.of("prescribe", "/api/prescriptions", Set.of("post"), Set.of("psychiatrist")),
            RoutePolicy.of("check-in", "/api/prescriptions/*/check-ins", Set.of("POST"), Set.of("patient")),
            RoutePolicy.of("providers", "/api/providers/**", Set.of(), Set.of("therapist", "psychiatrist"))));

    private static final Caller PATIENT = new Caller("p", Set.of("patient"));
    private static final Caller PSYCHIATRIST = new Caller("d", Set.of("psychiatrist"));

    @Test
    void onlyTheNamedRolesPassAMatchingPolicy() {
        assertEquals(Set.of("psychiatrist"), policies.missingRoles("POST", "/api/prescriptions", PATIENT));
        assertTrue(policies.missingRoles("POST", "/api/prescriptions/", PSYCHIATRIST).isEmpty());
        assertTrue(policies.missingRoles("POST", "/api/prescriptions/rx-1/check-ins", PATIENT).isEmpty());
        assertEquals(Set.of("patient"), policies.missingRoles("POST", "/api/prescriptions/rx-1/check-ins", PSYCHIATRIST));
    }

    @Test
    void otherMethodsAndPathsAreLeftToTheService() {
        assertTrue(policies.missingRoles("GET", "/api/prescriptions", PATIENT).isEmpty());
        assertTrue(policies.missingRoles("POST", "/api/prescriptions/rx-1/side-effects", PATIENT).isEmpty());
        assertTrue(policies.missingRoles("POST", "/api/prescriptionsX", PATIENT).isEmpty());
    }

    @Test
    void aFinalDoubleStarCoversThePrefixAndEverythingBelow() {
        assertFalse(policies.missingRoles("GET", "/api/providers", PATIENT).isEmpty());
        assertFalse(policies.missingRoles("GET", "/api/providers/me/caseload", PATIENT).isEmpty());
        assertTrue(policies.missingRoles("GET", "/api/providers/me/feed", PSYCHIATRIST).isEmpty());
    }

    @Test
    void patternsAreWholeSegments() {
        PathPattern pattern = PathPattern.of("/api/care-plans/*/activate");
        assertTrue(pattern.matches("/api/care-plans/cp-1/activate"));
        assertFalse(pattern.matches("/api/care-plans/activate"));
        assertFalse(pattern.matches("/api/care-plans/cp-1/activate/x"));
        assertFalse(pattern.matches("/api/care-plans/a/b/activate"));
        assertTrue(pattern.matches("/api/care-plans/cp-1/activate/"));
        assertFalse(pattern.matches("/api/care-plans/cp-1/activated"));
        assertFalse(pattern.matches("/api/care-plans/cp-1/activ"));
        assertFalse(pattern.matches("/api/care-plans"));
        assertTrue(PathPattern.of("/api/chat/**").matches("/api/chat"));
        assertTrue(PathPattern.of("/api/chat/**").matches("/api/chat/ws"));
        assertFalse(PathPattern.of("/api/chat/**").matches("/api/chatter"));
        assertThrows(IllegalStateException.class, () -> PathPattern.of("/api/care-plans*"));
        assertThrows(IllegalStateException.class, () -> PathPattern.of("/api/**/x"));
        assertThrows(IllegalStateException.class, () -> PathPattern.of("/other"));
        assertThrows(IllegalStateException.class,
                () -> RoutePolicy.of("no-roles", "/api/x", Set.of(), Set.of()));
    }
}
