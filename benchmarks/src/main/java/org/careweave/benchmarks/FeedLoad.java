package org.careweave.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Provider dashboards on the live feed: N Server-Sent Events subscribers (providers of the scene's teams, several tabs
 * each) held open directly on care-plan replicas, while a writer posts PHQ-9 assessments to the therapy service at a
 * fixed rate. A sample is one entry's arrival on one subscriber: from the start of its POST to the ASSESSMENT_SCORED
 * entry (matched by assessmentId) on the stream.
 */
final class FeedLoad implements AutoCloseable {

    /** One entry on one subscriber's stream. */
    record Arrival(String assessmentId, long nanos, int replica, int subscriber) {
    }

    private record Subscriber(int index, int team, String token, int replica) {
    }

    private final Vertx vertx;
    private final io.vertx.core.http.HttpClient client;
    private final List<Subscriber> subscribers = new ArrayList<>();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger closedEarly = new AtomicInteger();
    private final Map<Integer, AtomicInteger> openPerTeam = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    /** assessmentId -> {nanoTime its POST started, its team, nanoTime its 201 arrived} */
    final Map<String, long[]> written = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicLong writeFailures = new AtomicLong();
    final AtomicLong writes = new AtomicLong();
    private final Map<String, Integer> teamOfPatient = new HashMap<>();
    /** event id -> assessmentId, for the stage breakdown */
    private final Map<String, String> eventOf = new HashMap<>();
    /** The wall clock and nanoTime at one instant, to put database timestamps on the nanoTime scale. */
    private final long epochNanosAtStart;
    private final long nanoTimeAtStart;

    FeedLoad(int feeds) {
        java.time.Instant now = java.time.Instant.now();
        nanoTimeAtStart = System.nanoTime();
        epochNanosAtStart = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        vertx = Vertx.vertx();
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setIdleTimeout(0)
                .setConnectTimeout(20_000), new PoolOptions().setHttp1MaxSize(feeds + 16).setMaxWaitQueueSize(-1));
    }

    /**
     * Opens {@code feeds} subscribers spread over the teams' therapists and psychiatrists, each to
     * {@code replicaUrls[i % replicas]}, at most 64 handshakes at a time; waits at most {@code timeoutSeconds}.
     */
    void open(Scene scene, Keycloak keycloak, int feeds, List<String> replicaUrls, int timeoutSeconds)
            throws InterruptedException {
        scene.teams.forEach(t -> teamOfPatient.put(t.patientId(), t.index()));
        int providers = scene.teams.size() * 2;
        for (int i = 0; i < feeds; i++) {
            int provider = i % providers;
            Scene.Team team = scene.teams.get(provider / 2);
            String user = provider % 2 == 0 ? team.therapist() : team.psychiatrist();
            subscribers.add(new Subscriber(i, team.index(), keycloak.token(user), (i / providers) % replicaUrls.size()));
        }
        Semaphore handshakes = new Semaphore(64);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Subscriber s : subscribers) {
            if (!handshakes.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            subscribe(s, replicaUrls.get(s.replica()), handshakes);
        }
        while (opened.get() + refused.get() < subscribers.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void subscribe(Subscriber s, String baseUrl, Semaphore handshakes) {
        StringBuilder pending = new StringBuilder();
        String[] data = new String[1];
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(baseUrl + "/api/providers/me/feed")
                        .putHeader("Authorization", "Bearer " + s.token()).putHeader("Accept", "text/event-stream"))
                .compose(request -> request.send())
                .onSuccess(response -> {
                    handshakes.release();
                    if (response.statusCode() != 200) {
                        refused.incrementAndGet();
                        response.handler(b -> { });
                        return;
                    }
                    opened.incrementAndGet();
                    openPerTeam.computeIfAbsent(s.team(), t -> new AtomicInteger()).incrementAndGet();
                    response.handler(buffer -> onChunk(s, buffer, pending, data));
                    response.endHandler(v -> closedEarly.incrementAndGet());
                    response.exceptionHandler(e -> { });
                })
                .onFailure(e -> {
                    handshakes.release();
                    refused.incrementAndGet();
                });
    }

    private void onChunk(Subscriber s, Buffer buffer, StringBuilder pending, String[] data) {
        long now = System.nanoTime();
        pending.append(buffer.toString());
        int newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, newline).replace("\r", "");
            pending.delete(0, newline + 1);
            if (line.startsWith("data:")) {
                data[0] = line.substring(5).strip();
            } else if (line.isEmpty() && data[0] != null) {
                String event = data[0];
                data[0] = null;
                if (event.contains("ASSESSMENT_SCORED")) {
                    try {
                        JsonNode entry = Http.JSON.readTree(event);
                        String id = entry.path("details").path("assessmentId").asText(null);
                        if (id != null) {
                            arrivals.add(new Arrival(id, now, s.replica(), s.index()));
                        }
                    } catch (java.io.IOException e) {
                        // not an entry: ignored
                    }
                }
            }
        }
    }

    /** Posts PHQ-9 assessments of the scene's patients round-robin at {@code perSecond} for {@code seconds}. */
    void write(Scene scene, Keycloak keycloak, String therapyUrl, int perSecond, int seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger tick = new AtomicInteger();
        List<String> tokens = scene.teams.stream().map(t -> keycloak.token(t.patient())).toList();
        ticks.scheduleAtFixedRate(() -> {
            int i = tick.getAndIncrement();
            Scene.Team team = scene.teams.get(i % scene.teams.size());
            String body = "{\"patientId\":\"" + team.patientId()
                    + "\",\"instrument\":\"PHQ9\",\"answers\":[1,1,1,1,1,1,1,0,0]}";
            long start = System.nanoTime();
            writes.incrementAndGet();
            inFlight.incrementAndGet();
            http.sendAsync(HttpRequest.newBuilder(URI.create(therapyUrl + "/api/therapy/assessments"))
                            .header("Authorization", "Bearer " + tokens.get(team.index()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long answered = System.nanoTime();
                        inFlight.decrementAndGet();
                        if (error != null || response.statusCode() / 100 != 2) {
                            writeFailures.incrementAndGet();
                            return;
                        }
                        try {
                            written.put(Http.JSON.readTree(response.body()).get("id").asText(),
                                    new long[] { start, team.index(), answered });
                        } catch (Exception e) {
                            writeFailures.incrementAndGet();
                        }
                    });
        }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1000L);
        ticks.shutdownNow();
        // writes still queued at the service are part of the load: wait for their answers (at most 60 s)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Waits until no arrival came for {@code quietSeconds} (at most {@code maxSeconds}): late entries still count. */
    void drain(int quietSeconds, int maxSeconds) throws InterruptedException {
        Quiet.await(arrivals::size, quietSeconds, maxSeconds);
    }

    /** Deliveries expected: every written entry on every open subscriber of its team's two providers. */
    long expected() {
        long total = 0;
        for (long[] w : written.values()) {
            AtomicInteger open = openPerTeam.get((int) w[1]);
            total += open == null ? 0 : open.get();
        }
        return total;
    }

    /**
     * Arrival latencies on every replica: from the start of the POST ({@code fromCommit} false) or from its 201, once
     * the therapy service committed the assessment (true: propagation and fan-out only).
     */
    Stats latencies(boolean fromCommit) {
        Stats stats = new Stats();
        for (Arrival a : arrivals) {
            long[] w = written.get(a.assessmentId());
            if (w != null) {
                stats.add(Math.max(0, a.nanos() - w[fromCommit ? 2 : 0]));
            }
        }
        return stats;
    }

    /** The rate the writes were answered at: answered writes over the time from the first POST to the last 201. */
    double achievedWriteRate() {
        long first = written.values().stream().mapToLong(w -> w[0]).min().orElse(0);
        long last = written.values().stream().mapToLong(w -> w[2]).max().orElse(0);
        return last > first ? written.size() / ((last - first) / 1e9) : Double.NaN;
    }

    /**
     * With subscribers on two replicas: per entry, the first arrival on each replica. The entry was committed by one
     * of them, which wakes its own subscribers at once; the other learns of it from the database. Returns
     * {faster replica, slower replica} latencies, the slower being the cross-replica delivery.
     */
    Stats[] crossReplica() {
        Map<String, long[]> first = new HashMap<>();
        for (Arrival a : arrivals) {
            long[] byReplica = first.computeIfAbsent(a.assessmentId(), k -> new long[] { Long.MAX_VALUE, Long.MAX_VALUE });
            byReplica[a.replica()] = Math.min(byReplica[a.replica()], a.nanos());
        }
        Stats faster = new Stats();
        Stats slower = new Stats();
        first.forEach((id, byReplica) -> {
            long[] w = written.get(id);
            if (w != null && byReplica[0] != Long.MAX_VALUE && byReplica[1] != Long.MAX_VALUE) {
                faster.add(Math.min(byReplica[0], byReplica[1]) - w[0]);
                slower.add(Math.max(byReplica[0], byReplica[1]) - w[0]);
            }
        });
        return new Stats[] { faster, slower };
    }

    /** Stages of an entry's way to the feeds, from the services' own timestamps; see {@link #stages}. */
    record Stages(Stats request, Stats relay, Stats consume, Stats apply, Stats fanOut, int entries) {
    }

    /**
     * Where the write->feed time goes, per entry written during the load, from the therapy outbox row (created_at:
     * the start of the POST's transaction; sent_at: the relay's bookkeeping right after Kafka's ack) and care plan's
     * inbox row (processed_at: the start of the transaction that applied it), all PostgreSQL now(), on the same clock
     * as this JVM's (one machine): POST start -> therapy transaction, -> relayed, -> taken up by care plan's consumer,
     * -> first arrival on a feed (apply, commit, shared read, fan-out), -> last arrival on a feed.
     */
    Stages stages(String jdbcBase, String user, String password) throws SQLException {
        Map<String, long[]> outbox = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcBase + "therapy", user, password);
                PreparedStatement q = db.prepareStatement("select payload::jsonb -> 'data' ->> 'assessmentId', event_id, "
                        + "(extract(epoch from created_at) * 1000000)::bigint, (extract(epoch from sent_at) * 1000000)::bigint "
                        + "from outbox_event where event_type = 'careweave.therapy.assessment.scored.v1' "
                        + "and created_at > now() - interval '1 hour'")) {
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    if (written.containsKey(rows.getString(1))) {
                        outbox.put(rows.getString(2), new long[] { rows.getLong(3), rows.getLong(4) });
                        eventOf.put(rows.getString(2), rows.getString(1));
                    }
                }
            }
        }
        Map<String, Long> appliedAt = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcBase + "careplan", user, password);
                PreparedStatement q = db.prepareStatement("select event_id, "
                        + "(extract(epoch from processed_at) * 1000000)::bigint from inbox_event "
                        + "where consumer = 'care-timeline' and processed_at > now() - interval '1 hour'")) {
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    appliedAt.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        Map<String, long[]> arrivalSpan = new HashMap<>();
        for (Arrival a : arrivals) {
            long[] span = arrivalSpan.computeIfAbsent(a.assessmentId(), k -> new long[] { Long.MAX_VALUE, Long.MIN_VALUE });
            span[0] = Math.min(span[0], a.nanos());
            span[1] = Math.max(span[1], a.nanos());
        }
        Stats request = new Stats();
        Stats relay = new Stats();
        Stats consume = new Stats();
        Stats apply = new Stats();
        Stats fanOut = new Stats();
        int entries = 0;
        for (Map.Entry<String, long[]> row : outbox.entrySet()) {
            String assessmentId = eventOf.get(row.getKey());
            long[] w = written.get(assessmentId);
            long[] span = arrivalSpan.get(assessmentId);
            Long applied = appliedAt.get(row.getKey());
            if (applied == null || span == null || row.getValue()[1] == 0) {
                continue;
            }
            entries++;
            long created = microsToNanos(row.getValue()[0]);
            long sent = microsToNanos(row.getValue()[1]);
            long taken = microsToNanos(applied);
            request.add(Math.max(0, created - w[0]));
            relay.add(Math.max(0, sent - created));
            consume.add(Math.max(0, taken - sent));
            apply.add(Math.max(0, span[0] - taken));
            fanOut.add(span[1] - span[0]);
        }
        return new Stages(request, relay, consume, apply, fanOut, entries);
    }

    /** A PostgreSQL timestamp (microseconds since the epoch) on this JVM's nanoTime scale. */
    private long microsToNanos(long epochMicros) {
        return epochMicros * 1000 - epochNanosAtStart + nanoTimeAtStart;
    }

    long received() {
        return arrivals.stream().filter(a -> written.containsKey(a.assessmentId())).count();
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
