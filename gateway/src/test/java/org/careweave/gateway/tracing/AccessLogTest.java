package org.careweave.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class AccessLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger access = Logger.getLogger(AccessLog.CATEGORY);
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        access.addHandler(capture);
    }

    @AfterEach
    void stop() {
        access.removeHandler(capture);
    }

    @Test
    void oneLinePerRequestWithoutTokenBodyOrQuery() throws Exception {
        String token = Tokens.valid();
        String requestId = "log-" + UUID.randomUUID();
        String secretBody = "{\"symptom\":\"body-" + UUID.randomUUID() + "\"}";
        given().auth().oauth2(token).header("X-Request-Id", requestId).contentType("application/json")
                .body(secretBody).queryParam("patientId", "patient-4711")
                .post("/api/prescriptions/rx-77/side-effects")
                .then().statusCode(200);
        String refusedId = "log-refused-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", refusedId).post("/api/prescriptions").then().statusCode(403);

        List<String> mine = awaitLines(requestId);
        assertEquals(1, mine.size(), "one line: " + mine);
        String line = mine.get(0);
        assertTrue(line.matches("method=POST route=/api/prescriptions/\\* status=200 latency_ms=\\d+ request_id="
                + requestId), line);
        String refused = awaitLines(refusedId).get(0);
        assertTrue(refused.contains("status=403"), refused);
        for (String any : lines) {
            assertFalse(any.contains(token), "no token");
            assertFalse(any.contains(token.substring(token.lastIndexOf('.') + 1)), "no token signature");
            assertFalse(any.contains(secretBody), "no body");
            assertFalse(any.contains("body-"), "no body");
            assertFalse(any.contains("patient-4711"), "no query");
            assertFalse(any.contains("rx-77"), "no record ids from the path");
        }
    }

    private List<String> awaitLines(String requestId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> found = lines.stream().filter(l -> l.contains(requestId)).toList();
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(50);
        }
        return List.of();
    }
}
