package org.careweave.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.careweave.careplan.ProviderFeedTest.Feed;
import org.careweave.careplan.ProviderFeedTest.SseEvent;
import org.careweave.careplan.domain.Timeline;
import org.careweave.careplan.domain.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;

/** Last-Event-ID: 0 replays the whole history, batch after batch, in order and without gaps. */
@QuarkusTest
class FeedReplayTest {

    private static final int ENTRIES = 450;

    @OidcWireMock
    WireMockServer keycloak;

    @Inject
    Timeline timeline;

    @TestHTTPResource("/api/providers/me/feed")
    URI feedUri;

    @BeforeEach
    void setUp() {
        RealmStub.install(keycloak);
    }

    @Test
    void aReplayFromTheStartStreamsMoreThanOneBatchInOrder() throws Exception {
        String therapist = Tokens.newId();
        RealmStub.user(keycloak, therapist, "therapist");
        String patient = Tokens.newId();
        CarePlanResourceTest.assignTeam(Intakes.planFor(patient), therapist, null).statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < ENTRIES; i++) {
                timeline.append(patient, TimelineKind.SESSION_COMPLETED, Instant.now(), "Session " + i,
                        Map.of("sessionId", "s-" + i));
            }
        });

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(feedUri)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Tokens.therapist(therapist))
                .header("Last-Event-ID", "0").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Long> sessionIds = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        try (Feed feed = new Feed(response.body())) {
            while (sessionIds.size() < ENTRIES) {
                SseEvent event = feed.next();
                seqs.add(Long.parseLong(event.id()));
                if ("SESSION_COMPLETED".equals(event.name())) {
                    sessionIds.add(Long.parseLong(event.data().replaceAll(".*\"sessionId\":\"s-(\\d+)\".*", "$1")));
                }
            }
        }
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(sessionIds).hasSize(ENTRIES).isSorted();
        assertThat(sessionIds.get(ENTRIES - 1)).isEqualTo(ENTRIES - 1L);
    }
}
