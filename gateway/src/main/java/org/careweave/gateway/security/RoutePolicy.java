package org.careweave.gateway.security;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which realm roles may call a path with a method; an empty method set means every method. */
record RoutePolicy(String name, PathPattern path, Set<String> methods, Set<String> roles) {

    static RoutePolicy of(String name, String path, Set<String> methods, Set<String> roles) {
        if (roles.isEmpty()) {
            throw new IllegalStateException("Policy " + name + ": at least one role is required");
        }
        Set<String> upper = methods.stream().map(m -> m.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        return new RoutePolicy(name, PathPattern.of(path), upper, Set.copyOf(roles));
    }

    boolean appliesTo(String method, String path) {
        return (methods.isEmpty() || methods.contains(method)) && this.path.matches(path);
    }
}
