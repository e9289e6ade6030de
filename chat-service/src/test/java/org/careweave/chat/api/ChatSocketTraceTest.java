package org.careweave.chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.careweave.chat.ChatFixture;
import org.careweave.chat.ChatFixture.Person;
import org.careweave.chat.SocketClient;
import org.careweave.platform.events.Topics;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * A crisis message sent over the socket continues the trace the socket was opened under (the gateway's, in the
 * stack): the risk flag's Kafka record carries it, so one trace leads from the message to the care team's flag.
 */
@QuarkusTest
@TestProfile(ChatSocketTraceTest.Traced.class)
class ChatSocketTraceTest {

    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.exporter.otlp.enabled", "false");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String RISK_TYPE = "careweave.chat.risk-flag.raised.v1";

    @Inject
    ChatFixture fixture;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aCrisisMessageOnTheSocketRaisesItsFlagInTheSocketsTrace() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        WebSocketConnectOptions options = SocketClient.options(base)
                .addHeader("Authorization", "Bearer " + patient.token())
                .addHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        try (TestKafkaConsumer consumer = new TestKafkaConsumer(bootstrap, Topics.CHAT);
                SocketClient socket = SocketClient.connect(vertx, options)) {
            socket.send(conversation, "i took all my pills just now", "crisis-1");
            socket.await("ack", WAIT);
            ConsumerRecord<String, String> flag = consumer.awaitRecords(Topics.CHAT,
                    record -> record.value().contains(RISK_TYPE) && record.value().contains(conversation), WAIT).get(0);
            Header traceparent = flag.headers().lastHeader("traceparent");
            assertThat(traceparent).as("the flag record's traceparent header").isNotNull();
            assertThat(new String(traceparent.value())).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        }
    }
}
