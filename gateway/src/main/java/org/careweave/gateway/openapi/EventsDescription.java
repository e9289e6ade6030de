package org.careweave.gateway.openapi;

import jakarta.inject.Singleton;

import org.careweave.platform.events.AsyncApiDocument;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code GET /api/asyncapi}: the AsyncAPI 3.0 description of every topic, generated from the event catalog
 * this gateway was built with (the services share it). Like {@code /api/openapi} it needs no token.
 */
@Singleton
public class EventsDescription implements Handler<RoutingContext> {

    private final Buffer document;

    EventsDescription(OpenApiConfig config) {
        this.document = Buffer.buffer(AsyncApiDocument.generate(config.kafkaHost(), config.version()).toString());
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(document);
    }
}
