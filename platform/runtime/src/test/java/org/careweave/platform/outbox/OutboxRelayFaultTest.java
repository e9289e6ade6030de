package org.careweave.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careweave.platform.events.Topics;
import org.careweave.platform.events.therapy.SessionNoShow;
import org.careweave.platform.testing.KafkaTestResource;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The relay under a slow broker, a record Kafka refuses, competing relays and interleaved transactions. */
@QuarkusTest
class OutboxRelayFaultTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String jdbcUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> jdbcPassword;

    @Test
    void aSlowBrokerNeverGetsAnAckedRowAgainAndEveryRowArrivesInKeyOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicBoolean stalling = new AtomicBoolean(true);
        // The broker answers in bursts: frozen 150 ms, awake 30 ms. Every request waits, and a relay
        // transaction spanning the sends would outlive the test's 30 s transaction timeout.
        Thread staller = new Thread(() -> {
            while (stalling.get()) {
                KafkaTestResource.broker().pause();
                sleep(150);
                KafkaTestResource.broker().resume();
                sleep(30);
            }
        });
        List<String> published = new ArrayList<>();
        staller.start();
        try {
            for (int batch = 0; batch < 6; batch++) {
                published.addAll(publishInOneTransaction("slow-" + run + "-", 10, 5));
            }
            Thread.sleep(8000);
        } finally {
            stalling.set(false);
            staller.join();
            KafkaTestResource.broker().resume();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> countPending("slow-" + run + "-") == 0);

        List<ConsumerRecord<String, String>> records = awaitEvery(published);
        Map<String, Integer> attempts = attemptsByEventId("slow-" + run + "-");
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(this::eventId, Collectors.counting()));
        for (String eventId : published) {
            if (attempts.get(eventId) == 0) {
                assertThat(copies.get(eventId)).as("copies of acked-at-first-try event %s", eventId).isEqualTo(1);
            }
        }
        assertKeyOrder(records, published);
    }

    @Test
    void aRecordKafkaRefusesIsParkedAndLaterEventsKeepFlowing() throws Exception {
        String patient = "poison-" + UUID.randomUUID();
        double parkedBefore = parkedCount();
        String poison = QuarkusTransaction.requiringNew().call(() -> {
            String id = outbox.publish(noShow(patient)).id();
            // Larger than the producer's max.request.size: Kafka's client refuses it for good.
            em.createNativeQuery("update outbox_event set payload = repeat('x', 2000000) where event_id = ?1")
                    .setParameter(1, UUID.fromString(id)).executeUpdate();
            return id;
        });
        List<String> later = new ArrayList<>();
        later.add(QuarkusTransaction.requiringNew().call(() -> outbox.publish(noShow(patient)).id()));
        later.add(QuarkusTransaction.requiringNew().call(() -> outbox.publish(noShow("other-" + patient)).id()));

        await().atMost(Duration.ofSeconds(30)).until(() -> row(poison).status == OutboxEvent.Status.PARKED);
        OutboxEvent parked = row(poison);
        assertThat(parked.rejections).isEqualTo(3);
        assertThat(parked.lastError).contains("RecordTooLargeException");
        assertThat(parked.sentAt).isNull();
        assertThat(parkedCount()).isGreaterThanOrEqualTo(parkedBefore + 1);

        List<ConsumerRecord<String, String>> records = awaitEvery(later);
        assertThat(records).extracting(this::eventId).doesNotContain(poison);
        await().atMost(Duration.ofSeconds(10)).until(() -> later.stream()
                .allMatch(id -> row(id).status == OutboxEvent.Status.SENT));
    }

    @Test
    void relaysRunningAtOnceNeverSendTheSameRow() throws Exception {
        String prefix = "race-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // Hold every relay back while the backlog is written, then let four loose on it at once.
        List<String> published = new ArrayList<>();
        try (Connection held = holdClaimLock()) {
            for (int batch = 0; batch < 4; batch++) {
                published.addAll(publishInOneTransaction(prefix, 20, 5));
            }
        }
        ExecutorService relays = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> drains = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                drains.add(relays.submit(relay::drain));
            }
            for (Future<Integer> drain : drains) {
                drain.get(60, TimeUnit.SECONDS);
            }
        } finally {
            relays.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> countPending(prefix) == 0);

        List<ConsumerRecord<String, String>> records = awaitEvery(published);
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(this::eventId, Collectors.counting()));
        assertThat(copies).hasSize(published.size());
        assertThat(copies.values()).allMatch(count -> count == 1);
        assertKeyOrder(records, published);
    }

    @Test
    void twoTransactionsOfOnePatientArePublishedInCommitOrder() throws Exception {
        String patient = "order-" + UUID.randomUUID();
        List<String> commitOrder = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstPublished = new CountDownLatch(1);
        CountDownLatch secondCommitted = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        // No relay reads while both transactions run: what it then finds decides the order.
        try (Connection held = holdClaimLock()) {
            Future<?> first = writers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                String id = outbox.publish(noShow(patient)).id();
                firstPublished.countDown();
                // Give the second transaction the chance to commit first, were it allowed to.
                awaitLatch(secondCommitted, 1500);
                commitOrder.add(id);
            }));
            Future<?> second = writers.submit(() -> {
                awaitLatch(firstPublished, 10_000);
                String id = QuarkusTransaction.requiringNew().call(() -> outbox.publish(noShow(patient)).id());
                commitOrder.add(id);
                secondCommitted.countDown();
            });
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }
        relay.requestDrain();
        List<ConsumerRecord<String, String>> records = awaitEvery(commitOrder);
        List<String> kafkaOrder = records.stream().filter(r -> r.key().equals(patient))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset())).map(this::eventId).toList();
        assertThat(kafkaOrder).containsExactlyElementsOf(commitOrder);
    }

    /** A connection of its own, outside the pool: closing it always releases the lock. */
    private Connection holdClaimLock() throws Exception {
        Connection connection = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword.orElse(null));
        try (Statement sql = connection.createStatement()) {
            sql.execute("select pg_advisory_lock(" + OutboxRelay.CLAIM_LOCK + ")");
        }
        return connection;
    }

    private List<String> publishInOneTransaction(String prefix, int patients, int eventsPerPatient) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> ids = new ArrayList<>();
            for (int e = 0; e < eventsPerPatient; e++) {
                for (int p = 0; p < patients; p++) {
                    ids.add(outbox.publish(noShow(prefix + p)).id());
                }
            }
            return ids;
        });
    }

    private List<ConsumerRecord<String, String>> awaitEvery(List<String> eventIds) {
        Set<String> wanted = Set.copyOf(eventIds);
        try (TestKafkaConsumer consumer = new TestKafkaConsumer(bootstrap, Topics.THERAPY)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                List<ConsumerRecord<String, String>> matching = consumer.pollFor(Duration.ofMillis(500)).stream()
                        .filter(r -> r.value().length() < 10_000 && wanted.contains(eventId(r))).toList();
                if (matching.stream().map(this::eventId).distinct().count() == wanted.size()) {
                    // A little longer, so a late duplicate would be seen too.
                    return consumer.pollFor(Duration.ofSeconds(1)).stream()
                            .filter(r -> r.value().length() < 10_000 && wanted.contains(eventId(r))).toList();
                }
                assertThat(System.nanoTime()).as("every event on Kafka within 60 s").isLessThan(deadline);
            }
        }
    }

    /** Per key, first copies arrive in the order the events were published (row id order). */
    private void assertKeyOrder(List<ConsumerRecord<String, String>> records, List<String> published) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < published.size(); i++) {
            position.put(published.get(i), i);
        }
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        records.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset())).forEach(r -> {
            if (seen.add(eventId(r))) {
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(position.get(eventId(r)));
            }
        });
        assertThat(byKey).isNotEmpty();
        byKey.forEach((key, order) -> assertThat(order).as("order of key %s", key).isSorted());
    }

    private String eventId(ConsumerRecord<String, String> record) {
        int start = record.value().indexOf("\"id\":\"") + 6;
        return start < 6 ? "" : record.value().substring(start, record.value().indexOf('"', start));
    }

    private static SessionNoShow noShow(String patientId) {
        return new SessionNoShow(patientId, "session-1", "therapist-1", Instant.now());
    }

    private static OutboxEvent row(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> find("eventId",
                UUID.fromString(eventId)).firstResult());
    }

    private static long countPending(String keyPrefix) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("messageKey like ?1 and status = ?2",
                keyPrefix + "%", OutboxEvent.Status.PENDING));
    }

    private static Map<String, Integer> attemptsByEventId(String keyPrefix) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> list("messageKey like ?1",
                keyPrefix + "%").stream().collect(Collectors.toMap(r -> r.eventId.toString(), r -> r.attempts)));
    }

    private static double parkedCount() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("careweave_outbox_parked_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private static void awaitLatch(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
