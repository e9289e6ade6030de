package org.careweave.gateway.security;

import jakarta.inject.Singleton;

import org.careweave.gateway.problem.ProblemWriter;
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
 */
@Singleton
public class BearerTokenCheck {

    private static final Logger LOG = Logger.getLogger(BearerTokenCheck.class);
    private static final String FAILED = BearerTokenCheck.class.getName() + ".failed";

    private final HttpAuthenticator authenticator;

    BearerTokenCheck(HttpAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    public void authenticate(RoutingContext ctx) {
        // Verification may finish later or elsewhere: hold the body back until the proxy reads it.
        ctx.request().pause();
        authenticator.attemptAuthentication(ctx).subscribe().with(
                identity -> {
                    if (isAuthenticated(identity)) {
                        Caller.of(identity).attachTo(ctx);
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

    private static boolean isAuthenticated(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous();
    }

    private static void reject(RoutingContext ctx, String challenge, String detail) {
        ctx.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, challenge);
        ProblemWriter.write(ctx, 401, detail);
    }
}
