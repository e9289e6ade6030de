package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * Phones drop connections all the time. Clients that hang up with requests in flight to the care plan must not count
 * as the care plan failing: its breaker stays closed, and another patient reading their plan meanwhile and afterwards
 * always gets 200, never the gateway's 503.
 */
@ExtendWith(Stack.class)
class ClientHangUpIT {

    static final String PATH = "/api/care-plans/mine";
    /** Sockets opened at once per round; several callers so that no rate limit answers in the service's place. */
    static final int SOCKETS_PER_ROUND = 40;
    static final int ROUNDS = 6;
    static final int CALLERS = 4;

    @Test
    void clientsHangingUpMidRequestNeverCutOffOtherPatients() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String reader = "hang-up-reader-" + run;
        RealmAdmin.user(reader, "patient");
        String readerToken = Tokens.of(reader);
        given().auth().oauth2(readerToken).contentType(ContentType.JSON)
                .body(Map.of("concerns", List.of("ANXIETY"), "gad7Answers", List.of(1, 1, 1, 1, 0, 0, 0),
                        "openToMedication", false, "prefersTalkTherapy", true, "sessionsPerMonthAvailable", 4))
                .post(Stack.GATEWAY + "/api/intakes").then().statusCode(201);
        given().auth().oauth2(readerToken).get(Stack.GATEWAY + PATH).then().statusCode(200);
        List<String> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String caller = "hang-up-caller-" + i + "-" + run;
            RealmAdmin.user(caller, "patient");
            callers.add(Tokens.of(caller));
        }
        long logOffset = Files.size(gatewayLog());

        // The other patient reads all along: every answer is recorded.
        Set<Integer> readerStatuses = ConcurrentHashMap.newKeySet();
        AtomicBoolean hangingUp = new AtomicBoolean(true);
        Thread readLoop = new Thread(() -> {
            while (hangingUp.get()) {
                readerStatuses.add(given().auth().oauth2(readerToken).get(Stack.GATEWAY + PATH).statusCode());
                sleep(50);
            }
        }, "hang-up-reader");
        readLoop.start();
        URI gateway = URI.create(Stack.GATEWAY);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Socket> sockets = new ArrayList<>();
                for (int i = 0; i < SOCKETS_PER_ROUND; i++) {
                    Socket socket = new Socket(gateway.getHost(), gateway.getPort());
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET " + PATH + " HTTP/1.1\r\nHost: " + gateway.getAuthority()
                            + "\r\nAuthorization: Bearer " + callers.get(i % CALLERS) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    sockets.add(socket);
                }
                // Closed before, while and just after the gateway forwards them: many are in flight at the service.
                for (Socket socket : sockets) {
                    if (ThreadLocalRandom.current().nextInt(4) == 0) {
                        sleep(1);
                    }
                    socket.close();
                }
                sleep(200);
            }
        } finally {
            hangingUp.set(false);
            readLoop.join();
        }

        for (int i = 0; i < 20; i++) {
            readerStatuses.add(given().auth().oauth2(readerToken).get(Stack.GATEWAY + PATH).statusCode());
        }
        assertThat(readerStatuses).containsOnly(200);
        byte[] log = Files.readAllBytes(gatewayLog());
        // A rotated log starts again from the beginning.
        int from = log.length >= logOffset ? (int) logOffset : 0;
        String logged = new String(log, from, log.length - from, StandardCharsets.UTF_8);
        // A hang-up that the gateway notices only after the service's exchange broke still reads as a broken
        // exchange: one such failure among healthy answers never opens the breaker (that takes 5 in a row).
        int hangUps = ROUNDS * SOCKETS_PER_ROUND;
        long countedAsFailures = logged.lines().filter(line -> line.contains("502 for GET " + PATH)).count();
        System.out.printf("FIGURE %d clients hung up mid-request: %d logged as a broken exchange; another patient's "
                + "reads meanwhile answered only %s%n", hangUps, countedAsFailures, readerStatuses);
        assertThat(logged).as("hang-ups never open the breaker").doesNotContain("Circuit for care-plan opened");
        assertThat(countedAsFailures).as("hang-ups logged as upstream failures").isLessThanOrEqualTo(hangUps / 20);
    }

    private static Path gatewayLog() throws IOException {
        Path root = Path.of(System.getProperty("careweave.repo.root", "..")).toAbsolutePath().normalize();
        String state = System.getenv("CAREWEAVE_STATE_DIR");
        return (state == null || state.isBlank() ? root.resolve("deploy/local/.state") : Path.of(state))
                .resolve("logs/gateway.log");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
