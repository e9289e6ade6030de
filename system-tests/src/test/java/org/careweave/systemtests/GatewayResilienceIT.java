package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.Response;

/**
 * A service that goes down: the gateway answers 503 problem+json at once, its breaker opens, and when
 * the service is back the breaker closes. Needs a stack run by deploy/local (it stops one service).
 */
@ExtendWith(Stack.class)
class GatewayResilienceIT {

    static final String PATH = "/api/chat/conversations";

    @Test
    void aStoppedServiceAnswers503QuicklyTheBreakerOpensAndClosesWhenItIsBack() throws Exception {
        String token = Tokens.of("ben");
        ProcessHandle chat = ProcessHandle.of(Stack.pidOf("chat-service")).orElseThrow();
        chat.destroy();
        chat.onExit().get();
        try {
            Response down = null;
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                down = given().auth().oauth2(token).get(Stack.GATEWAY + PATH);
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.contentType()).startsWith("application/problem+json");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            }
            // After repeated failures the breaker is open: the gateway says so instead of trying the service.
            down.then().body("detail", containsString("not calling it"));
            assertThat(down.jsonPath().getString("requestId")).isNotBlank();
        } finally {
            Stack.startStopped();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().auth().oauth2(token).get(Stack.GATEWAY + PATH).statusCode() == 200);
    }
}
