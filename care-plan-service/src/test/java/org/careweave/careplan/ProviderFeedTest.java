package org.careweave.careplan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.careweave.platform.events.therapy.AssessmentScored;
import org.careweave.platform.events.therapy.SessionCompleted;
import org.careweave.platform.events.therapy.SessionScheduled;
import org.careweave.platform.testing.TestEventProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;

@QuarkusTest
class ProviderFeedTest {

    @OidcWireMock
    WireMockServer keycloak;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/api/providers/me/feed")
    URI feedUri;

    private TestEventProducer events;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        RealmStub.install(keycloak);
        events = new TestEventProducer(bootstrap, mapper);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void deliversNewEntriesOfTheCareTeamsPatientsAndResumesWithoutGaps() throws Exception {
        String therapist = Tokens.newId();
        RealmStub.user(keycloak, therapist, "therapist");
        String patient = Tokens.newId();
        CarePlanResourceTest.assignTeam(Intakes.planFor(patient), therapist, null).statusCode(200);
        String stranger = Tokens.newId();
        Intakes.planFor(stranger);

        SseEvent completed;
        try (Feed feed = open(Tokens.therapist(therapist), null)) {
            events.publish("therapy-service", new SessionCompleted(stranger, "s-other", Tokens.THEO, Instant.now(),
                    0, false));
            events.publish("therapy-service", new SessionCompleted(patient, "s-1", therapist, Instant.now(), 0,
                    false));
            completed = feed.next();
            assertThat(completed.name()).isEqualTo("SESSION_COMPLETED");
            JsonNode data = mapper.readTree(completed.data());
            assertThat(data.path("patientId").asText()).isEqualTo(patient);
            assertThat(data.path("details").path("sessionId").asText()).isEqualTo("s-1");
            assertThat(data.path("seq").asText()).isEqualTo(completed.id());
        }

        // While disconnected, two more entries happen; reconnecting from the last id gets exactly those.
        events.publish("therapy-service", new SessionScheduled(patient, "s-2", therapist,
                Instant.now().plusSeconds(7 * 86400), 50, "CBT", "VIDEO", null));
        events.publish("therapy-service", new AssessmentScored(patient, "a-1", "PHQ9", 6, "MILD", false, "s-1",
                Instant.now()));
        try (Feed feed = open(Tokens.therapist(therapist), completed.id())) {
            SseEvent first = feed.next();
            SseEvent second = feed.next();
            assertThat(List.of(first.name(), second.name())).containsExactly("SESSION_SCHEDULED", "ASSESSMENT_SCORED");
            assertThat(Long.parseLong(first.id())).isGreaterThan(Long.parseLong(completed.id()));
            assertThat(Long.parseLong(second.id())).isGreaterThan(Long.parseLong(first.id()));
        }
    }

    @Test
    void coordinatorsGetEveryUrgentFlagEvenBeforeThePatientHasACareTeam() throws Exception {
        String patient = Tokens.newId();
        Map<String, Object> intake = Intakes.mild();
        intake.put("phq9Answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 3));

        try (Feed feed = open(Tokens.coordinator(), null)) {
            Intakes.submit(Tokens.patient(patient), intake).statusCode(201);
            // Flags of other tests' patients may arrive too; this patient's must be among them.
            SseEvent flag = feed.next();
            for (int i = 0; i < 20 && !mapper.readTree(flag.data()).path("patientId").asText().equals(patient); i++) {
                assertThat(flag.name()).isEqualTo("URGENT_FLAG_RAISED");
                flag = feed.next();
            }
            assertThat(flag.name()).isEqualTo("URGENT_FLAG_RAISED");
            assertThat(mapper.readTree(flag.data()).path("patientId").asText()).isEqualTo(patient);
        }
    }

    @Test
    void sendsHeartbeatsWhileIdle() throws Exception {
        try (Feed feed = open(Tokens.therapist(Tokens.newId()), null)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (feed.heartbeats.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(feed.heartbeats.get()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void refusesMissingTokensPatientsAndBadEventIds() {
        given().accept("text/event-stream").get("/api/providers/me/feed").then().statusCode(401);
        given().auth().oauth2(Tokens.patient(Tokens.newId())).accept("text/event-stream")
                .get("/api/providers/me/feed").then().statusCode(403);
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).accept("text/event-stream")
                .header("Last-Event-ID", "yesterday").get("/api/providers/me/feed").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private Feed open(String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(feedUri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Feed(response.body());
    }

    record SseEvent(String id, String name, String data) {
    }

    /** Parses the stream on a thread of its own; closing it drops the connection. */
    static final class Feed implements AutoCloseable {

        final BlockingQueue<SseEvent> received = new LinkedBlockingQueue<>();
        final AtomicInteger heartbeats = new AtomicInteger();
        private final InputStream body;

        Feed(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        SseEvent next() throws InterruptedException {
            SseEvent event = received.poll(20, TimeUnit.SECONDS);
            assertThat(event).as("an event within 20 s").isNotNull();
            return event;
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                List<String> data = new ArrayList<>();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            received.add(new SseEvent(id, name, String.join("\n", data)));
                        }
                        id = null;
                        name = null;
                        data.clear();
                    } else if (line.startsWith(":")) {
                        heartbeats.incrementAndGet();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                    }
                }
            } catch (IOException e) {
                // the test closed the connection
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
