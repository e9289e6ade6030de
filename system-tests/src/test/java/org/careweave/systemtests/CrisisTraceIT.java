package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One trace shows a crisis message becoming a flag: the gateway, chat-service and care-plan-service, restarted with
 * tracing on and exporting OTLP to a collector of the test's own, report spans of the client's trace for a message
 * sent over REST and for one sent over the chat socket, down to care-plan applying the risk flag from Kafka.
 */
@ExtendWith(Stack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrisisTraceIT {

    private static final List<String> TRACED = List.of("care-plan-service", "chat-service", "gateway");
    private static final String RISK_FLAG = "careweave.chat.risk-flag.raised.v1";
    private static final String CRISIS = "i cant do this anymore i want to end my life tonight";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceCollector collector;
    private String conversationId;

    @BeforeAll
    void servicesExportTracesToTheCollector() throws Exception {
        collector = new TraceCollector();
        Map<String, String> tracing = Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        restart(tracing);
        conversationId = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON).baseUri(Stack.GATEWAY)
                .body(Map.of("kind", "SUPPORT")).post("/api/chat/conversations").then()
                .statusCode(anyOf(is(200), is(201))).extract().path("id");
    }

    @AfterAll
    void servicesBackWithoutTracing() {
        try {
            restart(Map.of());
        } finally {
            collector.close();
        }
    }

    @Test
    void aCrisisMessageSentOverRestAndItsFlagAreOneTrace() {
        String traceId = newTraceId();
        long sent = System.nanoTime();
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON).baseUri(Stack.GATEWAY)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Map.of("text", CRISIS)).post("/api/chat/conversations/{id}/messages", conversationId)
                .then().statusCode(201).body("replies.text.join(' ')", containsString("988"));

        List<TraceCollector.Span> trace = flagApplied(traceId);
        System.out.printf("FIGURE crisis message over REST -> flag applied by care-plan, one trace of %d spans from "
                + "%s, all exported within %d ms%n", trace.size(), services(trace),
                Duration.ofNanos(System.nanoTime() - sent).toMillis());
        assertThat(services(trace)).containsExactlyInAnyOrderElementsOf(TRACED);
    }

    @Test
    void aCrisisMessageSentOverTheSocketAndItsFlagAreOneTrace() throws Exception {
        String traceId = newTraceId();
        CompletableFuture<String> ack = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.of("alice"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .buildAsync(URI.create(Stack.GATEWAY.replaceFirst("^http", "ws") + "/api/chat/ws"),
                        new WebSocket.Listener() {
                            private final StringBuilder frame = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                frame.append(data);
                                if (last) {
                                    JsonNode json = read(frame.toString());
                                    frame.setLength(0);
                                    if ("ack".equals(json.path("type").asText())) {
                                        ack.complete(json.path("clientMessageId").asText());
                                    }
                                }
                                ws.request(1);
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        try {
            String clientMessageId = UUID.randomUUID().toString();
            socket.sendText(JSON.writeValueAsString(Map.of("type", "send", "conversationId", conversationId,
                    "text", CRISIS, "clientMessageId", clientMessageId)), true);
            assertThat(ack.get(10, TimeUnit.SECONDS)).isEqualTo(clientMessageId);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }

        List<TraceCollector.Span> trace = flagApplied(traceId);
        assertThat(trace).anySatisfy(span -> assertThat(span.name()).isEqualTo("chat socket send"));
        assertThat(services(trace)).containsExactlyInAnyOrderElementsOf(TRACED);
    }

    /** The trace's spans once care-plan's span of applying the risk flag and a span of every service are in. */
    private List<TraceCollector.Span> flagApplied(String traceId) {
        try {
            return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> collector.ofTrace(traceId), spans -> spans.stream().anyMatch(span ->
                            span.service().equals("care-plan-service") && RISK_FLAG.equals(
                                    span.attribute("careweave.event.type")))
                            && services(spans).containsAll(TRACED));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The trace holds only " + collector.ofTrace(traceId).stream()
                    .map(span -> span.service() + ": " + span.name()).toList(), e);
        }
    }

    private static List<String> services(List<TraceCollector.Span> trace) {
        return trace.stream().map(TraceCollector.Span::service).distinct().sorted().toList();
    }

    private static JsonNode read(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (IOException e) {
            throw new IllegalStateException("The socket sent a frame that is no JSON", e);
        }
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static void restart(Map<String, String> environment) {
        for (String service : TRACED) {
            Stack.component("stop", service);
            Stack.component("start", service, environment);
        }
    }
}
