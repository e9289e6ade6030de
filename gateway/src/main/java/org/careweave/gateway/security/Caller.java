package org.careweave.gateway.security;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** Who is calling, as far as the gateway needs to know: the token's subject and realm roles. */
public record Caller(String subject, Set<String> roles) {

    private static final String KEY = Caller.class.getName();

    static Caller of(SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
        return new Caller(subject, Set.copyOf(identity.getRoles()));
    }

    void attachTo(RoutingContext ctx) {
        ctx.put(KEY, this);
    }

    /** The caller {@link BearerTokenCheck} verified for this request, or null when its token was missing or invalid. */
    public static Caller of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    public boolean hasAnyRole(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
