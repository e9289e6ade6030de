package org.careweave.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** With tracing on, the traceparent a service receives is the gateway's own span, in the caller's trace if any. */
@QuarkusTest
@TestProfile(GatewayTracingTest.TracingOn.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class GatewayTracingTest {

    private static final String PATH = "/api/therapy/sessions";

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        spans.reset();
    }

    @Test
    void aCallersTraceIsContinuedWithTheGatewaysSpanAsTheServicesParent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        JsonPath echoed = given().auth().oauth2(Tokens.valid())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("tracestate", "congo=t61rcWkgMzE")
                .get(PATH).then().statusCode(200).extract().jsonPath();

        List<String> forwarded = echoed.getList("headers.traceparent");
        assertThat(forwarded).hasSize(1);
        SpanData server = serverSpan(traceId);
        assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(forwarded.get(0)).isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");
        assertThat(echoed.getList("headers.tracestate")).containsExactly("congo=t61rcWkgMzE");
    }

    @Test
    void withoutATraceparentTheServiceJoinsTheTraceTheGatewayStarted() {
        JsonPath echoed = given().auth().oauth2(Tokens.valid())
                .header("tracestate", "orphan=1")
                .get(PATH).then().statusCode(200).extract().jsonPath();

        List<String> forwarded = echoed.getList("headers.traceparent");
        assertThat(forwarded).hasSize(1);
        String[] parts = forwarded.get(0).split("-");
        SpanData server = serverSpan(parts[1]);
        assertThat(server.getParentSpanContext().isValid()).isFalse();
        assertThat(parts[2]).isEqualTo(server.getSpanId());
        assertThat(echoed.getMap("headers")).doesNotContainKey("tracestate");
    }

    private SpanData serverSpan(String traceId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER)
                .findFirst().orElse(null), span -> span != null);
    }

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false");
        }
    }
}
