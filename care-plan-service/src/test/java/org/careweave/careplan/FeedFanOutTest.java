package org.careweave.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.careweave.careplan.ProviderFeedTest.Feed;
import org.careweave.careplan.ProviderFeedTest.SseEvent;
import org.careweave.careplan.domain.Timeline;
import org.careweave.careplan.domain.TimelineKind;
import org.careweave.platform.testing.MetricsScrape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;

/**
 * Many followers share one database read per commit batch, each gets exactly its patients' entries in seq order,
 * other replicas' entries arrive by notification (the safety-net poll is 60 s in tests), and a resume across a
 * burst of commits loses and repeats nothing.
 */
@QuarkusTest
class FeedFanOutTest {

    private static final String READS = "careweave_feed_reads_total";
    private static final String SUBSCRIBERS = "careweave_feed_subscribers";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @OidcWireMock
    WireMockServer keycloak;

    @Inject
    Timeline timeline;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/providers/me/feed")
    URI feedUri;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        RealmStub.install(keycloak);
    }

    @Test
    void threeHundredFollowersGetTheirPatientsEntriesInOrderFromOneReadPerCommit() throws Exception {
        int providers = 6;
        int tabs = 50;
        int commits = 120;
        Map<String, List<String>> patientsOf = new HashMap<>();
        List<String> patients = new ArrayList<>();
        for (int p = 0; p < providers; p++) {
            String therapist = therapist();
            for (int i = 0; i < 3; i++) {
                String patient = patientOf(therapist);
                patientsOf.computeIfAbsent(therapist, t -> new ArrayList<>()).add(patient);
                patients.add(patient);
            }
        }
        // Nobody here follows this patient.
        patients.add(Tokens.newId());

        double openBefore = MetricsScrape.now().value(SUBSCRIBERS);
        Map<Feed, String> feeds = new HashMap<>();
        try {
            for (String therapist : patientsOf.keySet()) {
                for (int t = 0; t < tabs; t++) {
                    feeds.put(open(Tokens.therapist(therapist), null), therapist);
                }
            }
            await().atMost(WAIT).until(() -> MetricsScrape.now().value(SUBSCRIBERS) >= openBefore + feeds.size());
            MetricsScrape before = MetricsScrape.now();

            // A burst from four threads at once, one entry per commit.
            Map<Long, String> patientOfSeq = new ConcurrentHashMap<>();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < commits; c++) {
                String patient = patients.get(c % patients.size());
                int n = c;
                done.add(writers.submit(() -> patientOfSeq.put(append(patient, "burst " + n), patient)));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();

            for (Map.Entry<Feed, String> feed : feeds.entrySet()) {
                List<String> mine = patientsOf.get(feed.getValue());
                List<Long> expected = patientOfSeq.entrySet().stream().filter(e -> mine.contains(e.getValue()))
                        .map(Map.Entry::getKey).sorted().toList();
                assertThat(ids(feed.getKey(), expected.size())).isEqualTo(expected);
            }
            Thread.sleep(300);
            assertThat(feeds.keySet()).allSatisfy(feed -> assertThat(feed.received).as("nothing else").isEmpty());

            MetricsScrape after = MetricsScrape.now();
            double shared = after.value(READS, "read", "shared") - before.value(READS, "read", "shared");
            double catchUp = after.value(READS, "read", "catch-up") - before.value(READS, "read", "catch-up");
            // At most one read per commit for all 300 followers (commits close together share one), plus a
            // few for entries other tests' consumers may still be writing; none per follower.
            assertThat(shared).isBetween(1.0, commits + 10.0);
            assertThat(catchUp).isZero();
        } finally {
            for (Feed feed : feeds.keySet()) {
                feed.close();
            }
        }
    }

    @Test
    void anEntryCommittedByAnotherReplicaArrivesByItsNotificationNotThePoll() throws Exception {
        String therapist = therapist();
        String patient = patientOf(therapist);
        try (Feed feed = open(Tokens.therapist(therapist), null)) {
            await().atMost(WAIT).until(() -> MetricsScrape.now().value(SUBSCRIBERS) >= 1);
            long started = System.nanoTime();
            long seq = appendAsAnotherReplica(patient);
            SseEvent event = feed.received.poll(5, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(event).as("the entry within 5 s; the safety-net poll runs every 60 s").isNotNull();
            assertThat(event.id()).isEqualTo(Long.toString(seq));
            assertThat(event.name()).isEqualTo("SESSION_COMPLETED");
            assertThat(millis).isLessThan(2000);
        }
    }

    @Test
    void aResumeWithLastEventIdDuringABurstLosesAndRepeatsNothing() throws Exception {
        String therapist = therapist();
        String patient = patientOf(therapist);
        String stranger = Tokens.newId();
        int commits = 300;
        List<Long> written = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Feed first = open(Tokens.therapist(therapist), null)) {
            Future<?> burst = writer.submit(() -> {
                for (int c = 0; c < commits; c++) {
                    long seq = append(patient, "burst " + c);
                    synchronized (written) {
                        written.add(seq);
                    }
                    append(stranger, "not ours " + c);
                }
            });
            seen.addAll(ids(first, 50));
            first.close();
            // A client that kept only part of what it got resumes from there: it must get all after that id.
            long resumeFrom = seen.get(39);
            try (Feed second = open(Tokens.therapist(therapist), Long.toString(resumeFrom))) {
                burst.get(120, TimeUnit.SECONDS);
                List<Long> expectedAfter;
                synchronized (written) {
                    expectedAfter = written.stream().filter(seq -> seq > resumeFrom).toList();
                }
                assertThat(ids(second, expectedAfter.size())).isEqualTo(expectedAfter);
            }
        } finally {
            writer.shutdownNow();
        }
        assertThat(seen).isEqualTo(written.subList(0, 50));
    }

    private List<Long> ids(Feed feed, int count) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        while (ids.size() < count) {
            SseEvent event = feed.received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(event).as("event %d of %d within %s (got %s)", ids.size() + 1, count, WAIT, ids).isNotNull();
            ids.add(Long.parseLong(event.id()));
        }
        return ids;
    }

    private String therapist() {
        String therapist = Tokens.newId();
        RealmStub.user(keycloak, therapist, "therapist");
        return therapist;
    }

    private static String patientOf(String therapist) {
        String patient = Tokens.newId();
        CarePlanResourceTest.assignTeam(Intakes.planFor(patient), therapist, null).statusCode(200);
        return patient;
    }

    private long append(String patient, String summary) {
        return QuarkusTransaction.requiringNew().call(() -> timeline.append(patient, TimelineKind.SESSION_COMPLETED,
                Instant.now(), summary, Map.of("sessionId", summary)).seq);
    }

    /** What the other replica's Timeline does: the append lock, the insert, and its notification, in one commit. */
    private long appendAsAnotherReplica(String patient) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("select pg_advisory_xact_lock(" + 0x71E_11E5L + ")");
            long seq;
            try (PreparedStatement insert = connection.prepareStatement("insert into timeline_entry "
                    + "(patient_id, kind, occurred_at, summary, details) values (?, 'SESSION_COMPLETED', now(), "
                    + "'Session completed elsewhere', '{}') returning seq")) {
                insert.setString(1, patient);
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    seq = rows.getLong(1);
                }
            }
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify('careweave_feed', ?)")) {
                notify.setString(1, Long.toString(seq));
                notify.execute();
            }
            connection.commit();
            connection.setAutoCommit(true);
            return seq;
        }
    }

    private Feed open(String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(feedUri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Feed(response.body());
    }
}
