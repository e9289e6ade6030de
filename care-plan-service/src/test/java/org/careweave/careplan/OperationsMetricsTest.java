package org.careweave.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.careweave.platform.events.chat.RiskFlagRaised;
import org.careweave.platform.testing.MetricsScrape;
import org.careweave.platform.testing.TestEventProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;

/** The care plan's metrics on /q/metrics move with what happens: open feeds, urgent flags, crisis-to-flag time. */
@QuarkusTest
class OperationsMetricsTest {

    private static final String SUBSCRIBERS = "careweave_feed_subscribers";
    private static final String FLAGS = "careweave_urgent_flags_raised_total";
    private static final String LATENCY = "careweave_crisis_to_flag_seconds";

    @OidcWireMock
    WireMockServer keycloak;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/api/providers/me/feed")
    URI feedUri;

    @Test
    void feedSubscribersCountOpenFeedsUntilTheClientGoesAway() throws Exception {
        RealmStub.install(keycloak);
        double before = MetricsScrape.now().value(SUBSCRIBERS);
        HttpResponse<InputStream> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(feedUri)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Tokens.therapist(Tokens.newId())).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(feed.statusCode()).isEqualTo(200);
        try (InputStream body = feed.body()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> MetricsScrape.now().value(SUBSCRIBERS) == before + 1);
        }
        // The next heartbeat finds the connection closed.
        await().atMost(Duration.ofSeconds(60)).until(() -> MetricsScrape.now().value(SUBSCRIBERS) == before);
    }

    @Test
    void aChatRiskFlagCountsBySeverityAndItsTimeFromDetectionLandsInTheHistogram() {
        String[] chatHigh = { "source", "CHAT_RISK", "severity", "HIGH" };
        MetricsScrape before = MetricsScrape.now();
        double flags = before.value(FLAGS, chatHigh);
        double count = before.value(LATENCY + "_count");
        double sum = before.value(LATENCY + "_sum");
        double upTo2s = before.value(LATENCY + "_bucket", "le", "2.0");

        // Detected 3 s ago in the chat service: at least 3 s from detection to flag.
        try (TestEventProducer events = new TestEventProducer(bootstrap, mapper)) {
            events.publish("chat-service", new RiskFlagRaised(Tokens.newId(), Tokens.newId(), "HIGH", "ACTIVE_THOUGHTS",
                    Instant.now().minusSeconds(3)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> MetricsScrape.now().value(FLAGS, chatHigh) == flags + 1);
        MetricsScrape after = MetricsScrape.now();
        assertThat(after.value(LATENCY + "_count")).isEqualTo(count + 1);
        assertThat(after.value(LATENCY + "_sum") - sum).isGreaterThanOrEqualTo(3.0);
        assertThat(after.has(LATENCY + "_bucket", "le", "10.0")).as("a bucket at 10 s").isTrue();
        assertThat(after.value(LATENCY + "_bucket", "le", "2.0")).as("observations up to 2 s").isEqualTo(upTo2s);
    }
}
