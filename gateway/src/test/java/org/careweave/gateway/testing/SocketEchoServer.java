package org.careweave.gateway.testing;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for the chat service's socket: accepts WebSocket handshakes (choosing the {@code bearer-token-carrier}
 * subprotocol when offered), greets with what the handshake carried, then echoes every text frame.
 */
final class SocketEchoServer {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    private SocketEchoServer() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setWebSocketSubProtocols(List.of("bearer-token-carrier")))
                .webSocketHandler(socket -> {
                    socket.writeTextMessage(new JsonObject()
                            .put("path", socket.path())
                            .put("authorization", socket.headers().get("Authorization"))
                            .put("requestId", socket.headers().get("X-Request-Id"))
                            .put("traceparent", socket.headers().get("traceparent"))
                            .put("forwardedFor", socket.headers().get("X-Forwarded-For"))
                            .encode());
                    socket.textMessageHandler(text -> socket.writeTextMessage("echo: " + text));
                })
                .requestHandler(request -> request.response().setStatusCode(404).end())
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static SocketEchoServer start() {
        try {
            return new SocketEchoServer();
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket echo server did not start", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    void stop() {
        vertx.close();
    }
}
