package org.careweave.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A patient's steady writes through the gateway with a real token: PHQ-9 assessments (therapy), dose check-ins
 * (prescription) and chat messages (chat), each kind on its own clock. Every answer is recorded as the client saw
 * it: status (-1 for no answer at all), content type, Retry-After, and the id of what a 2xx says was stored.
 */
final class WriteLoad implements AutoCloseable {

    enum Kind { ASSESSMENT, CHECK_IN, CHAT }

    /**
     * One write as its client saw it; {@code ref} identifies the stored record: what a 2xx answer named, and for a
     * check-in its takenAt, known whatever the answer (so one applied without the client being told shows too).
     */
    record Write(Kind kind, long at, int status, String contentType, String retryAfter, String ref) {
        boolean acked() {
            return status >= 200 && status < 300;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService clocks = Executors.newScheduledThreadPool(3, r -> {
        Thread thread = new Thread(r, "write-load");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final String patientId;
    private final String token;
    private final String prescriptionId;
    private final String conversationId;
    /** Check-ins are told apart on the timeline by their takenAt: each one a millisecond of its own. */
    private Instant lastTakenAt = Instant.EPOCH;

    WriteLoad(String patientId, String token, String prescriptionId, String conversationId) {
        this.patientId = patientId;
        this.token = token;
        this.prescriptionId = prescriptionId;
        this.conversationId = conversationId;
    }

    /**
     * Rates stay under the gateway's and the chat service's per-user limits (clinical writes 60/min, chat 30/min),
     * so no write is refused for going too fast.
     */
    WriteLoad start() {
        clocks.scheduleWithFixedDelay(() -> write(Kind.ASSESSMENT), 0, 700, TimeUnit.MILLISECONDS);
        clocks.scheduleWithFixedDelay(() -> write(Kind.CHECK_IN), 300, 1500, TimeUnit.MILLISECONDS);
        clocks.scheduleWithFixedDelay(() -> write(Kind.CHAT), 500, 3000, TimeUnit.MILLISECONDS);
        return this;
    }

    Write write(Kind kind) {
        Write write;
        try {
            write = switch (kind) {
                case ASSESSMENT -> post(kind, "/api/therapy/assessments", Map.of("patientId", patientId,
                        "instrument", "PHQ9", "answers", List.of(1, 1, 1, 1, 1, 1, 1, 0, 0)), null,
                        body -> body.path("id").asText());
                case CHECK_IN -> {
                    Instant takenAt = nextTakenAt();
                    yield post(kind, "/api/prescriptions/" + prescriptionId + "/check-ins", Map.of("status", "TAKEN",
                            "takenAt", OffsetDateTime.ofInstant(takenAt, ZoneOffset.UTC).toString()), null,
                            body -> takenAt.toString());
                }
                case CHAT -> post(kind, "/api/chat/conversations/" + conversationId + "/messages",
                        Map.of("text", "Fault drill check-in: feeling steady today"), UUID.randomUUID().toString(),
                        body -> body.path("message").path("id").asText());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write = new Write(kind, System.nanoTime(), -1, null, null, null);
        }
        writes.add(write);
        return write;
    }

    private synchronized Instant nextTakenAt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        lastTakenAt = now.isAfter(lastTakenAt) ? now : lastTakenAt.plusMillis(1);
        return lastTakenAt;
    }

    private Write post(Kind kind, String path, Map<String, Object> body, String idempotencyKey,
            java.util.function.Function<JsonNode, String> ref) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long at = System.nanoTime();
            int status = response.statusCode();
            String stored = status >= 200 && status < 300 || kind == Kind.CHECK_IN
                    ? ref.apply(status >= 200 && status < 300 ? JSON.readTree(response.body()) : null) : null;
            return new Write(kind, at, status, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), stored);
        } catch (IOException noAnswer) {
            return new Write(kind, System.nanoTime(), -1, null, null, kind == Kind.CHECK_IN ? ref.apply(null) : null);
        }
    }

    String prescriptionId() {
        return prescriptionId;
    }

    List<Write> all() {
        return new ArrayList<>(writes);
    }

    List<Write> between(long fromNanos, long toNanos) {
        return writes.stream().filter(w -> w.at() >= fromNanos && w.at() < toNanos).toList();
    }

    List<Write> acked(Kind kind, long untilNanos) {
        return writes.stream().filter(w -> w.kind() == kind && w.acked() && w.at() < untilNanos).toList();
    }

    /** The first write after {@code fromNanos} matching, or null. */
    Write first(long fromNanos, Predicate<Write> matching) {
        return writes.stream().filter(w -> w.at() >= fromNanos && matching.test(w)).findFirst().orElse(null);
    }

    /** Statuses by count, e.g. {-1=3, 201=40}. */
    static Map<Integer, Integer> statuses(List<Write> writes) {
        Map<Integer, Integer> counted = new TreeMap<>();
        writes.forEach(w -> counted.merge(w.status(), 1, Integer::sum));
        return counted;
    }

    @Override
    public void close() throws InterruptedException {
        clocks.shutdown();
        clocks.awaitTermination(30, TimeUnit.SECONDS);
    }
}
