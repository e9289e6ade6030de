package org.careweave.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;

/**
 * Points the gateway's routes at stand-in services started here, plus routes for failure and limit tests:
 * {@code slow} (timeout 1 s), {@code hang-up} (clients that leave), {@code erring} (5xx answers), {@code replicated} (two replicas, {@code replica-a} and {@code replica-b}, the
 * second switchable through {@code careweave.test.replica-switch}), {@code down} (a port nothing listens on), {@code flaky} (a stand-in the test stops and
 * starts through {@code careweave.test.flaky-switch}), {@code late} (the same, for retries), {@code limited} (a tight rate limit group) and
 * {@code chat-socket} (a WebSocket echo server on {@code /api/chat/ws}).
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    public static final String SLOW_PREFIX = "/api/slow-lane";
    public static final String DOWN_PREFIX = "/api/down-service";
    public static final String FLAKY_PREFIX = "/api/flaky";
    public static final String LIMITED_PREFIX = "/api/rate-limited";
    public static final String LATE_PREFIX = "/api/late";
    public static final String HANG_UP_PREFIX = "/api/hang-up";
    public static final String REPLICATED_PREFIX = "/api/replicated";
    public static final String REPLICA_SWITCH = "careweave.test.replica-switch";
    public static final String ERRING_PREFIX = "/api/erring";
    public static final String DELAY_HEADER = StandInService.DELAY_HEADER;
    public static final String STATUS_HEADER = StandInService.STATUS_HEADER;
    public static final String FLAKY_SWITCH = "careweave.test.flaky-switch";
    public static final String LATE_SWITCH = "careweave.test.late-switch";
    /** Pause before a connection is tried again: long enough for a test to bring a service up in between. */
    public static final long RETRY_DELAY_MS = 800;
    /** Limits of the {@code limited} group: a subject's burst, and an address's burst without a valid token. */
    public static final int LIMITED_BURST = 3;
    public static final int LIMITED_ANONYMOUS_BURST = 2;
    /** Plain requests' connections per service, and open streams per route (the stream cap per user is 10). */
    public static final int MAX_CONNECTIONS = 8;
    public static final int MAX_STREAMS_PER_ROUTE = 24;
    /** The breaker opens after this many failed calls and stays open this long. */
    public static final int BREAKER_FAILURES = 3;
    public static final long BREAKER_OPEN_MS = 4000;

    private final List<StandInService> started = new ArrayList<>();
    private StandInSwitch flaky;
    private StandInSwitch late;
    private StandInSwitch replicaB;
    private SocketEchoServer echo;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : List.of("care-plan", "therapy", "prescription", "chat", "slow", "limited", "hang-up",
                "erring")) {
            StandInService standIn = StandInService.start(service);
            started.add(standIn);
            config.put("careweave.gateway.routes." + service + ".url", standIn.url());
        }
        config.put("careweave.gateway.routes.slow.prefixes", SLOW_PREFIX);
        config.put("careweave.gateway.routes.slow.timeout", "1s");
        config.put("careweave.gateway.routes.hang-up.prefixes", HANG_UP_PREFIX);
        config.put("careweave.gateway.routes.erring.prefixes", ERRING_PREFIX);
        config.put("careweave.gateway.routes.down.url", "http://127.0.0.1:" + closedPort());
        config.put("careweave.gateway.routes.down.prefixes", DOWN_PREFIX);

        flaky = StandInSwitch.start("flaky", closedPort());
        config.put("careweave.gateway.routes.flaky.url", flaky.serviceUrl());
        config.put("careweave.gateway.routes.flaky.prefixes", FLAKY_PREFIX);
        config.put(FLAKY_SWITCH, flaky.switchUrl());
        config.put("careweave.gateway.resilience.breaker-failures", Integer.toString(BREAKER_FAILURES));
        config.put("careweave.gateway.resilience.breaker-open-for", BREAKER_OPEN_MS + "ms");
        config.put("careweave.gateway.resilience.failure-window", "60s");

        late = StandInSwitch.start("late", closedPort());
        config.put("careweave.gateway.routes.late.url", late.serviceUrl());
        config.put("careweave.gateway.routes.late.prefixes", LATE_PREFIX);
        config.put(LATE_SWITCH, late.switchUrl());
        config.put("careweave.gateway.resilience.retry-delay", RETRY_DELAY_MS + "ms");

        config.put("careweave.gateway.routes.limited.prefixes", LIMITED_PREFIX);
        config.put("careweave.gateway.rate-limits.limited.prefixes", LIMITED_PREFIX);
        config.put("careweave.gateway.rate-limits.limited.burst", Integer.toString(LIMITED_BURST));
        config.put("careweave.gateway.rate-limits.limited.requests-per-minute", "2");
        config.put("careweave.gateway.rate-limits.limited.anonymous-burst", Integer.toString(LIMITED_ANONYMOUS_BURST));
        config.put("careweave.gateway.rate-limits.limited.anonymous-requests-per-minute", "2");
        config.put("careweave.gateway.screened-paths", LIMITED_PREFIX + "/conversations/*/messages");
        // Everything else: far above what the tests send, so only the tests about limits meet one.
        for (String group : List.of("default", "chat", "clinical-writes")) {
            config.put("careweave.gateway.rate-limits." + group + ".burst", "100000");
            config.put("careweave.gateway.rate-limits." + group + ".anonymous-burst", "100000");
        }

        // One route, two replicas: the second can be taken down and brought back.
        StandInService replicaA = StandInService.start("replica-a");
        started.add(replicaA);
        replicaB = StandInSwitch.start("replica-b", closedPort());
        config.put("careweave.gateway.routes.replicated.url", replicaA.url() + "," + replicaB.serviceUrl());
        config.put("careweave.gateway.routes.replicated.prefixes", REPLICATED_PREFIX);
        config.put(REPLICA_SWITCH, replicaB.switchUrl());
        config.put("careweave.gateway.resilience.replica-down-for", "3s");
        // Small pools, so that a test can hold more streams open than plain requests have connections.
        config.put("careweave.gateway.max-connections-per-service", Integer.toString(MAX_CONNECTIONS));
        config.put("careweave.gateway.streams.max-per-route", Integer.toString(MAX_STREAMS_PER_ROUTE));
        echo = SocketEchoServer.start();
        config.put("careweave.gateway.routes.chat-socket.url", echo.url());
        config.put("careweave.gateway.routes.chat-socket.prefixes", "/api/chat/ws");
        return config;
    }

    @Override
    public void stop() {
        started.forEach(StandInService::stop);
        if (flaky != null) {
            flaky.stop();
        }
        if (late != null) {
            late.stop();
        }
        if (replicaB != null) {
            replicaB.stop();
        }
        if (echo != null) {
            echo.stop();
        }
    }

    /** Whether the stand-in at {@code serviceUrl} received a request with this {@code X-Request-Id}. */
    public static boolean saw(String serviceUrl, String requestId) {
        return RestAssured.given().queryParam("requestId", requestId).get(serviceUrl + "/__seen")
                .then().statusCode(200).extract().jsonPath().getBoolean("seen");
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
