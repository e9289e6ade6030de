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
 * Points the gateway's routes at stand-in services started here, plus two routes for failure tests: {@code slow}
 * (timeout 1 s) and {@code down} (a port nothing listens on).
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    public static final String SLOW_PREFIX = "/api/slow-lane";
    public static final String DOWN_PREFIX = "/api/down-service";
    public static final String DELAY_HEADER = StandInService.DELAY_HEADER;

    private final List<StandInService> started = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : List.of("care-plan", "therapy", "prescription", "chat", "slow")) {
            StandInService standIn = StandInService.start(service);
            started.add(standIn);
            config.put("careweave.gateway.routes." + service + ".url", standIn.url());
        }
        config.put("careweave.gateway.routes.slow.prefixes", SLOW_PREFIX);
        config.put("careweave.gateway.routes.slow.timeout", "1s");
        config.put("careweave.gateway.routes.down.url", "http://127.0.0.1:" + closedPort());
        config.put("careweave.gateway.routes.down.prefixes", DOWN_PREFIX);
        return config;
    }

    @Override
    public void stop() {
        started.forEach(StandInService::stop);
    }

    /** Whether the stand-in at {@code serviceUrl} received a request with this {@code X-Request-Id}. */
    public static boolean saw(String serviceUrl, String requestId) {
        return RestAssured.given().queryParam("requestId", requestId).get(serviceUrl + "/__seen")
                .then().statusCode(200).extract().jsonPath().getBoolean("seen");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
