package org.careweave.gateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.careweave.gateway.problem.ProblemWriter;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets an API request through only with a valid Keycloak bearer token (issuer, JWKS signature, expiry, audience, as
 * configured for quarkus-oidc); otherwise answers 401 problem+json before any service is called. Authentication is
 * lazy ({@code quarkus.http.auth.proactive=false}) so this check, not Quarkus' default challenge, owns the answer.
 * <p>
 * Two steps: {@link #authenticate} identifies the caller, {@link #require} refuses anonymous requests. Between them
 * the rate limiter can key a request by its verified subject, or by client address when there is none.
 * <p>
 * A verified token is remembered until it expires, so a client's next requests skip the signature check. That
 * changes nothing a check could catch: a JWT verified locally is never revoked before its expiry anyway.
 */
@Singleton
public class BearerTokenCheck {

    private static final Logger LOG = Logger.getLogger(BearerTokenCheck.class);
    private static final String FAILED = BearerTokenCheck.class.getName() + ".failed";

    /** Bounds the memory of verified tokens; when full it starts over (a miss only costs one verification). */
    private static final int MAX_VERIFIED = 20_000;

    private final HttpAuthenticator authenticator;
    // Keyed by the whole Authorization header: the same bytes were verified (signature, issuer, audience) before.
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    BearerTokenCheck(HttpAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** A caller whose token verified, valid until the token's expiry. */
    private record Verified(Caller caller, long expiresAtSeconds) {
    }

    public void authenticate(RoutingContext ctx) {
        // Verification may finish later or elsewhere: hold the body back until the proxy reads it.
        ctx.request().pause();
        String authorization = ctx.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        Verified known = authorization == null ? null : verified.get(authorization);
        if (known != null) {
            if (System.currentTimeMillis() / 1000 < known.expiresAtSeconds()) {
                // Each token is verified once, not on every request: a signature check costs more than the lookup.
                known.caller().attachTo(ctx);
                ctx.next();
                return;
            }
            verified.remove(authorization);
        }
        authenticator.attemptAuthentication(ctx).subscribe().with(
                identity -> {
                    if (isAuthenticated(identity)) {
                        Caller caller = Caller.of(identity);
                        caller.attachTo(ctx);
                        remember(authorization, caller, identity);
                    }
                    ctx.next();
                },
                failure -> {
                    // The reason (expired, signature, issuer, audience) stays in the log, not in the answer.
                    LOG.debugf("Token rejected for %s: %s", ctx.request().path(), failure.getMessage());
                    ctx.put(FAILED, true);
                    ctx.next();
                });
    }

    public void require(RoutingContext ctx) {
        if (Caller.of(ctx) != null) {
            ctx.next();
        } else if (ctx.get(FAILED) != null) {
            reject(ctx, "Bearer error=\"invalid_token\"", "The bearer token is invalid or expired");
        } else {
            reject(ctx, "Bearer", "A bearer token is required");
        }
    }

    private void remember(String authorization, Caller caller, SecurityIdentity identity) {
        if (authorization != null && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getExpirationTime() > 0) {
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear();
            }
            verified.put(authorization, new Verified(caller, jwt.getExpirationTime()));
        }
    }

    private static boolean isAuthenticated(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous();
    }

    private static void reject(RoutingContext ctx, String challenge, String detail) {
        ctx.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, challenge);
        ProblemWriter.write(ctx, 401, detail);
    }
}
