package org.careweave.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.careweave.platform.events.Topics;
import org.careweave.platform.outbox.OutboxEvent;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** One trace from an HTTP request through the outbox row, the Kafka record and the consumer's inbox handler. */
@QuarkusTest
class EventTracesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theRequestsTraceContinuesThroughTheOutboxAndKafkaIntoTheInboxHandler() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String patientId = "patient-" + UUID.randomUUID();

        String eventId = given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .post("/test/patients/{p}/no-shows", patientId).then().statusCode(200).extract().asString();

        String stored = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> find("eventId",
                UUID.fromString(eventId)).firstResult().traceparent);
        assertThat(stored).matches("00-" + traceId + "-[0-9a-f]{16}-01");

        try (TestKafkaConsumer consumer = new TestKafkaConsumer(bootstrap, Topics.THERAPY)) {
            ConsumerRecord<String, String> record = consumer
                    .awaitRecords(Topics.THERAPY, r -> r.value().contains(eventId), Duration.ofSeconds(20)).get(0);
            Header header = record.headers().lastHeader("traceparent");
            assertThat(header).as("traceparent header").isNotNull();
            assertThat(new String(header.value())).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    // The producer span's own context, a child of the request's span.
                    .isNotEqualTo(stored);
        }

        SpanData handler = await().atMost(Duration.ofSeconds(20)).until(() -> handlerSpan(eventId), span -> span != null);
        assertThat(handler.getTraceId()).isEqualTo(traceId);
        assertThat(handler.getName()).isEqualTo("kit-test-projection apply");
        assertThat(handler.getAttributes().get(AttributeKey.stringKey("careweave.event.type")))
                .isEqualTo("careweave.therapy.session.no-show.v1");
        // Its parent is the receive span, whose parent is the producer span: none of them start a new trace.
        List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId))
                .toList();
        assertThat(trace).anySatisfy(s -> assertThat(s.getSpanId()).isEqualTo(handler.getParentSpanId()));
    }

    private SpanData handlerSpan(String eventId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> eventId.equals(s.getAttributes().get(AttributeKey.stringKey("careweave.event.id"))))
                .findFirst().orElse(null);
    }
}
