package org.careweave.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Chat sockets: the members of the scene's CARE_TEAM conversations (patient, therapist, psychiatrist), several
 * sockets each, send `send` frames at a fixed total rate spread over the conversations. A sample is one message's
 * arrival as a `message` frame on one socket of another member, from the moment its frame was written.
 */
final class ChatLoad implements AutoCloseable {

    private record Member(int team, int role, String userId, String conversationId, int replica) {
    }

    private record Socket(Member member, WebSocket ws) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client;
    /** open sockets per team and role (0 patient, 1 therapist, 2 psychiatrist) */
    private final Map<Integer, List<List<Socket>>> sockets = new ConcurrentHashMap<>();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger closedEarly = new AtomicInteger();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong expected = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong errorFrames = new AtomicLong();
    final AtomicLong acks = new AtomicLong();
    final Stats all = new Stats();
    final Stats sameReplica = new Stats();
    final Stats crossReplica = new Stats();
    private long[] sentAt = new long[0];
    private int[] senderReplica = new int[0];

    ChatLoad(int sockets) {
        client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(sockets + 16)
                .setConnectTimeout(20_000).setIdleTimeout(0));
    }

    /**
     * Opens {@code count} sockets round-robin over every member of every team; member m of team t connects to
     * {@code urls[(t + m) % urls.size()]} (with two replicas: the members of one conversation on both).
     */
    void open(Scene scene, Keycloak keycloak, int count, List<String> urls, int timeoutSeconds) throws InterruptedException {
        List<Member> members = new ArrayList<>();
        for (Scene.Team t : scene.teams) {
            members.add(new Member(t.index(), 0, t.patientId(), t.conversationId(), (t.index()) % urls.size()));
            members.add(new Member(t.index(), 1, t.therapistId(), t.conversationId(), (t.index() + 1) % urls.size()));
            members.add(new Member(t.index(), 2, t.psychiatristId(), t.conversationId(), (t.index() + 2) % urls.size()));
            List<List<Socket>> roles = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
                    new CopyOnWriteArrayList<>());
            sockets.put(t.index(), roles);
        }
        Semaphore handshakes = new Semaphore(64);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        int started = 0;
        for (int i = 0; i < count; i++) {
            Member m = members.get(i % members.size());
            Scene.Team t = scene.teams.get(m.team());
            String user = m.role() == 0 ? t.patient() : m.role() == 1 ? t.therapist() : t.psychiatrist();
            if (!handshakes.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            started++;
            connect(m, keycloak.token(user), urls.get(m.replica()), handshakes);
        }
        while (opened.get() + refused.get() < started && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void connect(Member m, String token, String url, Semaphore handshakes) {
        client.connect(new WebSocketConnectOptions().setAbsoluteURI(url.replaceFirst("^http", "ws") + "/api/chat/ws")
                        .addHeader("Authorization", "Bearer " + token))
                .onSuccess(ws -> {
                    handshakes.release();
                    opened.incrementAndGet();
                    Socket socket = new Socket(m, ws);
                    sockets.get(m.team()).get(m.role()).add(socket);
                    ws.textMessageHandler(text -> onFrame(socket, text));
                    ws.closeHandler(v -> {
                        closedEarly.incrementAndGet();
                        sockets.get(m.team()).get(m.role()).remove(socket);
                    });
                    ws.exceptionHandler(e -> { });
                })
                .onFailure(e -> {
                    handshakes.release();
                    refused.incrementAndGet();
                });
    }

    private void onFrame(Socket socket, String text) {
        long now = System.nanoTime();
        try {
            JsonNode frame = Http.JSON.readTree(text);
            String type = frame.path("type").asText();
            if (type.equals("error")) {
                errorFrames.incrementAndGet();
                return;
            }
            if (type.equals("ack")) {
                acks.incrementAndGet();
                return;
            }
            if (!type.equals("message")) {
                return;
            }
            JsonNode message = frame.path("message");
            String body = message.path("text").asText("");
            if (!body.startsWith("bench message ") || socket.member().userId().equals(message.path("authorId").asText())) {
                return;
            }
            int i = Integer.parseInt(body.substring("bench message ".length()).split(" ")[0]);
            if (i >= sentAt.length || sentAt[i] == 0) {
                return;
            }
            long latency = now - sentAt[i];
            received.incrementAndGet();
            all.add(latency);
            (senderReplica[i] == socket.member().replica() ? sameReplica : crossReplica).add(latency);
        } catch (Exception e) {
            errorFrames.incrementAndGet();
        }
    }

    /** Sends {@code perSecond} messages for {@code seconds}: conversations round-robin, then their members in turn. */
    void send(int teams, int perSecond, int seconds) throws InterruptedException {
        int total = perSecond * seconds + perSecond;
        sentAt = new long[total];
        senderReplica = new int[total];
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger tick = new AtomicInteger();
        ticks.scheduleAtFixedRate(() -> {
            int i = tick.getAndIncrement();
            if (i >= total) {
                return;
            }
            int team = i % teams;
            int role = (i / teams) % 3;
            List<List<Socket>> roles = sockets.get(team);
            List<Socket> candidates = roles.get(role);
            if (candidates.isEmpty()) {
                skipped.incrementAndGet();
                return;
            }
            Socket from = candidates.get((i / teams / 3) % candidates.size());
            int others = 0;
            for (int r = 0; r < 3; r++) {
                if (r != role) {
                    others += roles.get(r).size();
                }
            }
            expected.addAndGet(others);
            senderReplica[i] = from.member().replica();
            sentAt[i] = System.nanoTime();
            sent.incrementAndGet();
            from.ws().writeTextMessage("{\"type\":\"send\",\"conversationId\":\"" + from.member().conversationId()
                    + "\",\"clientMessageId\":\"bench-" + i + "-" + sentAt[i] + "\",\"text\":\"bench message " + i
                    + " how are you today\"}");
        }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1000L);
        ticks.shutdownNow();
    }

    /** Waits until no delivery came for {@code quietSeconds} (at most {@code maxSeconds}): late ones still count. */
    void drain(int quietSeconds, int maxSeconds) throws InterruptedException {
        Quiet.await(received::get, quietSeconds, maxSeconds);
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
