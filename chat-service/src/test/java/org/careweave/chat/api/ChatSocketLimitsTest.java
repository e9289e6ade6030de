package org.careweave.chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;

import org.careweave.chat.ChatFixture;
import org.careweave.chat.ChatFixture.Person;
import org.careweave.chat.SocketClient;
import org.careweave.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** A socket lives no longer than its token, and cannot flood others with typing, read or catch-up frames. */
@QuarkusTest
class ChatSocketLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    ChatFixture fixture;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URI base;

    @Test
    void theSocketSaysItsTokenExpiredClosesAndTheClientReconnectsWithAFreshOne() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);
        String shortLived = TestTokens.expiringIn(Duration.ofSeconds(4), patient.id(), "patient");

        try (SocketClient socket = SocketClient.connect(vertx, base, shortLived)) {
            socket.send(conversation, "still here", "before-expiry");
            socket.await(frame -> "ack".equals(frame.getString("type")), WAIT);

            JsonObject expired = socket.await("token-expired", Duration.ofSeconds(10));
            assertThat(expired.getString("expiredAt")).isNotBlank();
            assertThat(socket.awaitClose(WAIT)).isEqualTo((short) 4001);
        }
        try (SocketClient again = SocketClient.connect(vertx, base, patient.token())) {
            again.send(conversation, "back again", "after-expiry");
            assertThat(again.await(frame -> "ack".equals(frame.getString("type")), WAIT)
                    .getString("clientMessageId")).isEqualTo("after-expiry");
        }
    }

    @Test
    void tooManyTypingFramesAnswerRateLimitedWhileMessagesStillGo() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);

        try (SocketClient socket = SocketClient.connect(vertx, base, patient.token())) {
            // The test profile allows 5 typing, read and catch-up frames per 10 s.
            for (int i = 0; i < 6; i++) {
                socket.send(new JsonObject().put("type", "typing").put("conversationId", conversation));
            }
            // Generous: the five accepted frames are each checked against the database first.
            JsonObject limited = socket.await("error", Duration.ofSeconds(30));
            assertThat(limited.getString("code")).isEqualTo("RATE_LIMITED");
            assertThat(limited.getInteger("status")).isEqualTo(429);
            assertThat(limited.getLong("retryAfterSeconds")).isBetween(1L, 10L);
            assertThat(socket.received().stream().filter(f -> "error".equals(f.getString("type")))).hasSize(1);

            socket.send(new JsonObject().put("type", "catch-up").put("conversationId", conversation));
            assertThat(socket.await("error", WAIT).getString("code")).isEqualTo("RATE_LIMITED");

            socket.send(conversation, "a message is not a typing frame", "m1");
            assertThat(socket.await(frame -> "ack".equals(frame.getString("type")), WAIT)
                    .getString("clientMessageId")).isEqualTo("m1");
        }
    }
}
