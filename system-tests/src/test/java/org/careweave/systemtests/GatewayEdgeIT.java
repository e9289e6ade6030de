package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.Response;

/** The gateway's edge behaviour against the real stack, with real Keycloak tokens. */
@ExtendWith(Stack.class)
class GatewayEdgeIT {

    static final URI SOCKET = URI.create(Stack.GATEWAY.replaceFirst("^http", "ws") + "/api/chat/ws");

    @Test
    void chatSocketThroughTheGatewayCarriesMessagesWithAValidToken() throws Exception {
        String conversationId = given().auth().oauth2(Tokens.of("ben")).contentType("application/json")
                .body(Map.of("kind", "SUPPORT")).post(Stack.GATEWAY + "/api/chat/conversations")
                .then().extract().path("id");
        CompletableFuture<String> ack = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.of("ben"))
                .buildAsync(SOCKET, new WebSocket.Listener() {
                    private final StringBuilder frame = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        frame.append(data);
                        if (last) {
                            if (frame.toString().contains("\"ack\"")) {
                                ack.complete(frame.toString());
                            }
                            frame.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        String clientMessageId = UUID.randomUUID().toString();
        socket.sendText("{\"type\":\"send\",\"conversationId\":\"" + conversationId
                + "\",\"text\":\"Could you suggest a breathing exercise?\",\"clientMessageId\":\"" + clientMessageId
                + "\"}", true);
        assertThat(ack.get(10, TimeUnit.SECONDS)).contains(clientMessageId);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void chatSocketHandshakeWithoutAValidTokenIsRefused() {
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(SOCKET, new WebSocket.Listener() {
                }).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.signedByAnotherKey())
                .buildAsync(SOCKET, new WebSocket.Listener() {
                }).join())
                .cause().isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void tooManyRequestsAnswer429WithRetryAfter() {
        // priya's own bucket for the chat routes; other tests do not use it.
        Response last = null;
        for (int i = 0; i < 200; i++) {
            last = given().auth().oauth2(Tokens.of("priya")).get(Stack.GATEWAY + "/api/chat/conversations");
            if (last.statusCode() == 429) {
                break;
            }
        }
        last.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", not(nullValue()));
    }

    @Test
    void corsPreflightIsAnsweredForAnAllowedOriginOnly() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .options(Stack.GATEWAY + "/api/care-plans/mine").then()
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        Response refused = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options(Stack.GATEWAY + "/api/care-plans/mine");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void oversizeBodyAnswers413() {
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json")
                .body("{\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .post(Stack.GATEWAY + "/api/chat/conversations").then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void securityHeadersAndNoServerVersion() {
        given().auth().oauth2(Tokens.of("alice")).get(Stack.GATEWAY + "/api/care-plans/mine").then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Server", nullValue());
    }

    @Test
    void mergedOpenApiHasEveryServicesPaths() {
        given().get(Stack.GATEWAY + "/api/openapi").then()
                .statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("paths", hasKey("/api/intakes"))
                .body("paths", hasKey("/api/therapy/assessments"))
                .body("paths", hasKey("/api/prescriptions"))
                .body("paths", hasKey("/api/chat/conversations"));
    }

    @Test
    void accessLogHasNoTokensAndNoBodies() throws Exception {
        String marker = "body-marker-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json")
                .body(Map.of("kind", "SUPPORT", "note", marker))
                .post(Stack.GATEWAY + "/api/chat/conversations");
        Path log = Path.of(System.getProperty("careweave.repo.root", ".."), "deploy/local/.state/logs/gateway.log");
        if (!"external".equals(System.getenv("CAREWEAVE_STACK"))) {
            Thread.sleep(Duration.ofSeconds(1).toMillis());
            String text = Files.readString(log);
            assertThat(text).contains("/api/chat");
            assertThat(text).doesNotContain(Tokens.of("alice")).doesNotContain(marker);
        }
    }

    @Test
    void healthIsOpenWithoutAToken() {
        given().get(Stack.GATEWAY + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
