package org.careweave.gateway.limits;

import jakarta.inject.Singleton;

import org.careweave.gateway.problem.ProblemWriter;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request body larger than {@code careweave.gateway.max-body-size} with 413 problem+json before the token
 * is checked or a service called. A declared {@code Content-Length} is checked here; a chunked body is counted while
 * it streams to the service ({@link #limit()} is handed to the proxy for that).
 */
@Singleton
public class BodySizeLimit implements Handler<RoutingContext> {

    private final long limit;

    BodySizeLimit(Config config) {
        this.limit = config.maxBodySize().asLongValue();
    }

    @Override
    public void handle(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null && isOver(declared)) {
            // The client may still be sending: close afterwards rather than read what we refused.
            ctx.response().putHeader("Connection", "close");
            ProblemWriter.write(ctx, 413, "The request body is larger than " + limit + " bytes");
            return;
        }
        ctx.next();
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // not a length: the proxy refuses the request with 400
        }
    }

    public long limit() {
        return limit;
    }

    @ConfigMapping(prefix = "careweave.gateway")
    public interface Config {

        /** Largest request body passed on to a service. */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }
}
