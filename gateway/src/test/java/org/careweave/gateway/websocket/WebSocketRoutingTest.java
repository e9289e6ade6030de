package org.careweave.gateway.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;

/** {@code /api/chat/ws} through the gateway to a WebSocket echo server standing in for the chat service. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class WebSocketRoutingTest {

    @TestHTTPResource("/api/chat/ws")
    URI socketHttp;

    @Test
    void aTokenInTheHeaderOpensTheSocketAndFramesFlowBothWays() throws Exception {
        String token = Tokens.valid();
        Frames frames = new Frames();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "ws-header-1")
                .buildAsync(socketUri(), frames).get(20, TimeUnit.SECONDS);
        JsonObject greeting = new JsonObject(frames.next());
        assertEquals("/api/chat/ws", greeting.getString("path"));
        assertEquals("Bearer " + token, greeting.getString("authorization"), "the service validates the token again");
        assertEquals("ws-header-1", greeting.getString("requestId"));
        assertNotNull(greeting.getString("traceparent"));
        assertEquals("127.0.0.1", greeting.getString("forwardedFor"));

        socket.sendText("hello", true).get(10, TimeUnit.SECONDS);
        assertEquals("echo: hello", frames.next());
        socket.sendText("second", true).get(10, TimeUnit.SECONDS);
        assertEquals("echo: second", frames.next());
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    }

    @Test
    void aBrowserCarriesTheTokenInTheSubprotocols() throws Exception {
        String token = Tokens.valid();
        String carrier = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token, StandardCharsets.UTF_8)
                .replace("+", "%20");
        Frames frames = new Frames();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", carrier)
                .buildAsync(socketUri(), frames).get(20, TimeUnit.SECONDS);
        assertEquals("bearer-token-carrier", socket.getSubprotocol(), "the service's choice reaches the browser");
        assertEquals("Bearer " + token, new JsonObject(frames.next()).getString("authorization"));
        socket.sendText("hi", true).get(10, TimeUnit.SECONDS);
        assertEquals("echo: hi", frames.next());
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    }

    @Test
    void noTokenIsRefusedAtTheHandshake() {
        assertEquals(401, refusedStatus(HttpClient.newHttpClient().newWebSocketBuilder()));
    }

    @Test
    void anInvalidTokenIsRefusedAtTheHandshake() {
        assertEquals(401, refusedStatus(HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer not.a.jwt")));
        String carrier = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer forged", StandardCharsets.UTF_8)
                .replace("+", "%20");
        assertEquals(401, refusedStatus(HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", carrier)));
    }

    @Test
    void aRoleWithoutChatAccessIsRefusedAtTheHandshake() {
        assertEquals(403, refusedStatus(HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.of("auditor-id", "admin"))));
    }

    private int refusedStatus(WebSocket.Builder builder) {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> builder.buildAsync(socketUri(), new Frames()).get(20, TimeUnit.SECONDS));
        Throwable cause = failure.getCause() instanceof CompletionException ? failure.getCause().getCause()
                : failure.getCause();
        assertTrue(cause instanceof WebSocketHandshakeException, String.valueOf(cause));
        return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }

    private URI socketUri() {
        return URI.create(socketHttp.toString().replaceFirst("^http", "ws"));
    }

    /** Collects whole text messages. */
    private static final class Frames implements WebSocket.Listener {

        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String message = messages.poll(20, TimeUnit.SECONDS);
            assertNotNull(message, "no message within 20 s");
            return message;
        }
    }
}
