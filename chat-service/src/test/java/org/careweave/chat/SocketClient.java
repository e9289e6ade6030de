package org.careweave.chat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/** A chat client over a real WebSocket: sends JSON frames and waits for frames it expects. */
public final class SocketClient implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    /** Every frame received, in order, including those a wait skipped. */
    private final List<JsonObject> received = new ArrayList<>();

    private final CompletableFuture<Short> closed = new CompletableFuture<>();

    private SocketClient(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> inbox.add(new JsonObject(text)));
        socket.closeHandler(ignored -> closed.complete(socket.closeStatusCode()));
    }

    /** The close code once the server has closed the socket. */
    public short awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("The socket was not closed within " + timeout, e);
        }
    }

    /** Connects with the token in the Authorization header (mobile clients). */
    public static SocketClient connect(Vertx vertx, URI base, String token) {
        WebSocketConnectOptions options = options(base);
        options.addHeader("Authorization", "Bearer " + token);
        return connect(vertx, options);
    }

    public static SocketClient connect(Vertx vertx, WebSocketConnectOptions options) {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new SocketClient(client, socket);
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** The handshake failure of a connection attempt, or null if it connected. */
    public static Throwable refusal(Vertx vertx, WebSocketConnectOptions options) {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).close();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            client.close();
        }
    }

    public static WebSocketConnectOptions options(URI base) {
        return new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort()).setURI("/api/chat/ws");
    }

    public String subprotocol() {
        return socket.subProtocol();
    }

    public void send(JsonObject frame) {
        socket.writeTextMessage(frame.encode());
    }

    public void send(String conversationId, String text, String clientMessageId) {
        send(new JsonObject().put("type", "send").put("conversationId", conversationId).put("text", text)
                .put("clientMessageId", clientMessageId));
    }

    /** The next frame matching {@code predicate}; frames before it are skipped (and kept in {@link #received()}). */
    public JsonObject await(Predicate<JsonObject> predicate, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject frame = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                if (frame == null) {
                    throw new AssertionError("No matching frame within " + timeout + "; received " + received);
                }
                received.add(frame);
                if (predicate.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonObject await(String type, Duration timeout) {
        return await(frame -> type.equals(frame.getString("type")), timeout);
    }

    /** A message frame whose message has the given text. */
    public JsonObject awaitMessage(String text, Duration timeout) {
        return await(frame -> "message".equals(frame.getString("type"))
                && text.equals(frame.getJsonObject("message").getString("text")), timeout);
    }

    /** Collects frames for {@code period} and returns everything received by then. */
    public List<JsonObject> drain(Duration period) {
        try {
            Thread.sleep(period.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inbox.drainTo(received);
        return List.copyOf(received);
    }

    public List<JsonObject> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        socket.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        client.close();
    }
}
