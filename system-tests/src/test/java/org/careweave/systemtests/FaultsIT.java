package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.careweave.systemtests.WriteLoad.Kind;
import org.careweave.systemtests.WriteLoad.Write;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Crashes and outages of the real stack under a steady write load, counting what the clients were told: the Kafka
 * broker SIGKILLed for 30 s, each service SIGKILLed and restarted, PostgreSQL restarted, Keycloak stopped. Every
 * write answered 2xx must be there and reach the care timeline exactly once; failures must be clean problem
 * answers. The scenarios run in order on one stack, which is whole and healthy again at the end.
 */
@ExtendWith(Stack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    static final String ALICE = "11111111-1111-4111-8111-111111111111";
    static final String THEO = "33333333-3333-4333-8333-333333333333";
    static final String PRIYA = "44444444-4444-4444-8444-444444444444";
    static final String MEDICATION = "Hydroxyzine";
    /**
     * Within 10 s of the broker listening again. It measured 10-11 s in CI until the Kafka clients' reconnect back-off
     * was brought back to Kafka's 1 s (SmallRye raises it to 10 s); 8.7 s after that on a machine at load 15-20, most
     * of it care-plan applying the outage's backlog. The figure is printed on every run.
     */
    static final Duration CONVERGENCE_BOUND = Duration.ofSeconds(10);
    static final String CARE_PLAN = Stack.SERVICES.get("care-plan-service");
    static final String CHAT = Stack.SERVICES.get("chat-service");
    static final List<String> SERVICES = List.of("care-plan-service", "therapy-service", "prescription-service",
            "chat-service", "gateway");

    String planId;
    String prescriptionId;
    WriteLoad load;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).baseUri(Stack.GATEWAY);
    }

    @BeforeAll
    void alicesPlanCareTeamPrescriptionAndConversationThenTheLoad() {
        // Earlier tests of the run may have used up much of their tokens' 15 minutes: this drill needs its own.
        for (String user : List.of("alice", "cora", "priya")) {
            Tokens.fresh(user);
        }
        Response mine = as("alice").get("/api/care-plans/mine");
        if (mine.statusCode() == 404) {
            planId = as("alice").body(Map.of("concerns", List.of("DEPRESSION"),
                    "phq9Answers", List.of(2, 2, 2, 2, 2, 2, 2, 2, 0), "openToMedication", true,
                    "prefersTalkTherapy", true, "sessionsPerMonthAvailable", 4, "monthlyBudget", 600))
                    .post("/api/intakes").then().statusCode(201).extract().path("carePlanId");
            as("cora").post("/api/care-plans/{id}/activate", planId).then().statusCode(200);
        } else {
            planId = mine.then().statusCode(200).extract().path("id");
        }
        as("cora").body(Map.of("therapistId", THEO, "prescriberId", PRIYA))
                .put("/api/care-plans/{id}/care-team", planId).then().statusCode(200);

        // An as-needed medication: any number of check-ins, each told apart by its time.
        prescriptionId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                this::alicesAsNeededPrescription, id -> id != null);
        String conversationId = as("alice").body(Map.of("kind", "SUPPORT")).post("/api/chat/conversations").then()
                .statusCode(anyOf(is(200), is(201))).extract().path("id");
        load = new WriteLoad(ALICE, Tokens.of("alice"), prescriptionId, conversationId).start();
    }

    private String alicesAsNeededPrescription() {
        Response active = as("priya").queryParam("patientId", ALICE).queryParam("status", "ACTIVE")
                .get("/api/prescriptions");
        if (active.statusCode() != 200) {
            return null;
        }
        List<Map<String, Object>> prescriptions = active.jsonPath().getList("$");
        for (Map<String, Object> p : prescriptions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> medication = (Map<String, Object>) p.get("medication");
            if (MEDICATION.equals(medication.get("name")) && "AS_NEEDED".equals(p.get("frequency"))) {
                return (String) p.get("id");
            }
        }
        Response issued = as("priya").body(Map.of("patientId", ALICE,
                "medication", Map.of("name", MEDICATION, "drugClass", "OTHER"),
                "dose", Map.of("amount", 25, "unit", "mg"), "frequency", "AS_NEEDED",
                "instructions", "Take when anxious, at most three times a day", "refillsAllowed", 1,
                "startDate", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
                .post("/api/prescriptions");
        // Until the prescription service has followed the care-team event, priya is not alice's prescriber yet.
        return issued.statusCode() == 201 ? issued.path("id") : null;
    }

    @Test
    @Order(1)
    void brokerKilledFor30sLosesNothingAppliesNothingTwiceAndTimelinesConverge() throws Exception {
        Thread.sleep(3000);
        long killedAt = System.nanoTime();
        Stack.component("kill", "kafka");
        Thread.sleep(Duration.ofSeconds(30).toMillis());
        long restartAt = System.nanoTime();
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> Stack.component("start", "kafka"));
        long listeningAt = awaitListening(19092, Duration.ofSeconds(60));
        started.join();
        List<Write> duringOutage = load.between(killedAt, restartAt);

        long convergedAt = awaitConvergence(restartAt, Duration.ofSeconds(60));
        Outcome outcome = Outcome.of(load, restartAt, readTimeline());
        System.out.printf("FIGURE broker SIGKILLed for 30 s: %d writes during the outage, statuses %s; broker listening "
                + "%d ms after its restart; every write acked before the restart on the timeline %d ms after the restart "
                + "(%d ms after the broker listened); lost %d, applied twice %d%n",
                duringOutage.size(), WriteLoad.statuses(duringOutage), millis(restartAt, listeningAt),
                millis(restartAt, convergedAt), millis(listeningAt, convergedAt), outcome.lost(), outcome.duplicated());
        assertThat(duringOutage).isNotEmpty().allMatch(Write::acked);
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.duplicated()).isZero();
        assertThat(Duration.ofNanos(convergedAt - listeningAt)).isLessThanOrEqualTo(CONVERGENCE_BOUND);
    }

    @Test
    @Order(2)
    void eachServiceKilledUnderLoadKeepsEveryAckedWriteAndAppliesItsEventOnce() throws Exception {
        long from = System.nanoTime();
        Map<String, Long> restartMillis = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> restarts = new ArrayList<>();
        try {
            // One crash after the other, each restarted at once; the restarts overlap, the crashes do not.
            for (String service : SERVICES) {
                Thread.sleep(3000);
                Stack.component("kill", service);
                long killedAt = System.nanoTime();
                restarts.add(CompletableFuture.runAsync(() -> {
                    Stack.component("start", service);
                    restartMillis.put(service, millis(killedAt, System.nanoTime()));
                }));
            }
            CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).join();
        } finally {
            Stack.startStopped();
        }
        Thread.sleep(2000);
        long until = System.nanoTime();
        long convergedAt = awaitConvergence(until, Duration.ofSeconds(60));
        Outcome outcome = Outcome.of(load, until, readTimeline());
        Set<String> chatLost = missingChatMessages(load.acked(Kind.CHAT, until));
        List<Write> window = load.between(from, until);
        System.out.printf("FIGURE each service SIGKILLed under load and restarted (kill to healthy, ms: %s): %d of %d "
                + "writes acked, statuses %s; all on the timeline %d ms after the restarts plus 2 s; lost %d (chat messages "
                + "%d), applied twice %d, not acked but applied %d%n",
                restartMillis, window.stream().filter(Write::acked).count(), window.size(),
                WriteLoad.statuses(window), millis(until, convergedAt), outcome.lost(), chatLost.size(), outcome.duplicated(),
                outcome.appliedUnacked());
        assertThat(outcome.lost()).isZero();
        assertThat(chatLost).isEmpty();
        assertThat(outcome.duplicated()).isZero();
        // A client is told something clean or nothing at all (its connection cut), never a 500.
        assertThat(window).noneMatch(w -> w.status() >= 500 && w.status() != 502 && w.status() != 503
                && w.status() != 504);
    }

    @Test
    @Order(3)
    void postgresRestartedServicesRecoverByThemselvesAndAnswerClean503sMeanwhile() throws Exception {
        Map<String, Long> pids = new HashMap<>();
        for (String service : SERVICES) {
            pids.put(service, Stack.pidOf(service));
        }
        long stoppedAt;
        long backAt;
        try {
            Stack.component("stop", "postgres");
            stoppedAt = System.nanoTime();
            Thread.sleep(8000);
        } finally {
            Stack.component("start", "postgres");
        }
        backAt = System.nanoTime();
        List<Write> duringOutage = load.between(stoppedAt, backAt);

        Map<Kind, Long> firstSuccess = new HashMap<>();
        long deadline = backAt + Duration.ofSeconds(30).toNanos();
        int round = 0;
        while (firstSuccess.size() < Kind.values().length && System.nanoTime() < deadline) {
            for (Kind kind : Kind.values()) {
                // Probes between the load's own writes, so the first success is seen when it happens; chat less
                // often, to stay under its per-sender limit.
                boolean probeNow = kind != Kind.CHAT || round % 5 == 0;
                if (!firstSuccess.containsKey(kind) && probeNow) {
                    Write probe = load.write(kind);
                    if (probe.acked()) {
                        firstSuccess.put(kind, millis(backAt, probe.at()));
                    }
                }
            }
            round++;
            Thread.sleep(200);
        }
        for (Kind kind : Kind.values()) {
            Write first = load.first(backAt, w -> w.kind() == kind && w.acked());
            if (first != null) {
                firstSuccess.put(kind, millis(backAt, first.at()));
            }
        }
        List<Write> failures = duringOutage.stream().filter(w -> !w.acked()).toList();
        System.out.printf("FIGURE PostgreSQL stopped for 8 s: %d writes during the outage, statuses %s, every failure "
                + "problem+json with Retry-After: %s; first successful write after it was back (ms): %s%n",
                duringOutage.size(), WriteLoad.statuses(duringOutage),
                failures.stream().allMatch(FaultsIT::cleanUnavailable), firstSuccess);
        assertThat(failures).isNotEmpty().allMatch(FaultsIT::cleanUnavailable);
        assertThat(firstSuccess).containsOnlyKeys(Kind.values());
        assertThat(firstSuccess.values()).allMatch(ms -> ms <= 5000);
        for (String service : SERVICES) {
            assertThat(Stack.pidOf(service)).as(service + " was not restarted").isEqualTo(pids.get(service));
        }
        // Keycloak keeps its data in the same PostgreSQL: logins work again too.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> canLogIn("cora"));
    }

    @Test
    @Order(4)
    void keycloakStoppedIssuedTokensKeepWorkingNewLoginsFailAndCareTeamAssignmentAnswers503() throws Exception {
        long stoppedAt;
        long backAt;
        long assignmentMillis;
        Response assignment;
        try {
            Stack.component("stop", "keycloak");
            stoppedAt = System.nanoTime();
            Thread.sleep(5000);

            assertThat(canLogIn("ben")).as("a new login while Keycloak is stopped").isFalse();

            long asked = System.nanoTime();
            assignment = as("cora").body(Map.of("therapistId", THEO, "prescriberId", PRIYA))
                    .put("/api/care-plans/{id}/care-team", planId);
            assignmentMillis = millis(asked, System.nanoTime());
            Thread.sleep(2000);
        } finally {
            Stack.component("start", "keycloak");
        }
        backAt = System.nanoTime();
        List<Write> duringOutage = load.between(stoppedAt, backAt);
        System.out.printf("FIGURE Keycloak stopped: %d writes with tokens issued before, statuses %s; new login "
                + "refused; care-team assignment answered %d %s in %d ms%n", duringOutage.size(),
                WriteLoad.statuses(duringOutage), assignment.statusCode(), assignment.contentType(), assignmentMillis);
        assertThat(duringOutage).isNotEmpty().allMatch(Write::acked);
        assertThat(assignment.statusCode()).isEqualTo(503);
        assertThat(assignment.contentType()).startsWith("application/problem+json");

        Tokens.fresh("ben");
        as("cora").body(Map.of("therapistId", THEO, "prescriberId", PRIYA))
                .put("/api/care-plans/{id}/care-team", planId).then().statusCode(200);
    }

    @AfterAll
    void stopTheLoadCheckEverythingAndLeaveTheStackWhole() throws Exception {
        if (load == null) {
            return;
        }
        load.close();
        Stack.startStopped();
        long end = System.nanoTime();
        awaitConvergence(end, Duration.ofSeconds(60));
        Outcome outcome = Outcome.of(load, end, readTimeline());
        Set<String> chatLost = missingChatMessages(load.acked(Kind.CHAT, end));
        List<Write> all = load.all();
        System.out.printf("FIGURE fault drills in all: %d writes, %d acked, statuses %s; lost %d (chat %d), applied "
                + "twice %d, not acked but applied %d%n", all.size(), all.stream().filter(Write::acked).count(),
                WriteLoad.statuses(all), outcome.lost(), chatLost.size(), outcome.duplicated(),
                outcome.appliedUnacked());
        assertThat(outcome.lost()).isZero();
        assertThat(chatLost).isEmpty();
        assertThat(outcome.duplicated()).isZero();
    }

    private static boolean canLogIn(String user) {
        try {
            return Tokens.fresh(user) != null;
        } catch (Exception | AssertionError refused) {
            return false;
        }
    }

    /** 503 problem+json that says when to come back: what a client can act on. */
    private static boolean cleanUnavailable(Write w) {
        return w.status() == 503 && w.contentType() != null && w.contentType().startsWith("application/problem+json")
                && w.retryAfter() != null;
    }

    /** When every assessment and check-in acked before {@code untilNanos} is on alice's timeline. */
    private long awaitConvergence(long untilNanos, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            try {
                if (Outcome.of(load, untilNanos, readTimeline()).lost() == 0) {
                    return System.nanoTime();
                }
            } catch (IllegalStateException notReadable) {
                // The care plan service is itself restarting: read again.
            }
            if (System.nanoTime() > deadline) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    /** Alice's whole timeline, read from the care plan service itself (no gateway limit on the polling). */
    private List<Map<String, Object>> readTimeline() {
        return Timeline.of("cora", CARE_PLAN, planId);
    }

    /** Acked chat messages not in the conversation, paging back from the newest. */
    private Set<String> missingChatMessages(List<Write> acked) {
        Set<String> missing = new HashSet<>();
        acked.forEach(w -> missing.add(w.ref()));
        String conversationId = null;
        String before = null;
        String firstId = missing.stream().findFirst().orElse(null);
        if (firstId == null) {
            return missing;
        }
        conversationId = given().auth().oauth2(Tokens.of("alice")).baseUri(CHAT)
                .get("/api/chat/conversations").jsonPath().getString("find { it.kind == 'SUPPORT' }.id");
        while (!missing.isEmpty()) {
            RequestSpecification request = given().auth().oauth2(Tokens.of("alice")).baseUri(CHAT)
                    .queryParam("limit", 100);
            if (before != null) {
                request.queryParam("before", before);
            }
            JsonPath page = request.get("/api/chat/conversations/{id}/messages", conversationId).then().statusCode(200)
                    .extract().jsonPath();
            page.getList("messages.id", String.class).forEach(missing::remove);
            before = page.getString("nextBefore");
            if (before == null) {
                break;
            }
        }
        return missing;
    }

    private static long awaitListening(int port, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return System.nanoTime();
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nothing listening on " + port + " within " + atMost);
    }

    private static long millis(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }

    /**
     * Acked assessments and check-ins against alice's timeline: lost (acked, no entry), duplicated (an entry more than
     * once), applied though the client was not told so (its answer was lost in the crash).
     */
    record Outcome(int lost, int duplicated, int appliedUnacked) {

        static Outcome of(WriteLoad load, long untilNanos, List<Map<String, Object>> timeline) {
            Map<String, Integer> applied = new HashMap<>();
            for (Map<String, Object> entry : timeline) {
                @SuppressWarnings("unchecked")
                Map<String, Object> details = (Map<String, Object>) entry.get("details");
                if ("ASSESSMENT_SCORED".equals(entry.get("kind"))) {
                    applied.merge("A" + details.get("assessmentId"), 1, Integer::sum);
                } else if ("DOSE_CHECK_IN".equals(entry.get("kind"))) {
                    applied.merge("C" + details.get("prescriptionId") + "@"
                            + Instant.parse((String) entry.get("occurredAt")), 1, Integer::sum);
                }
            }
            Set<String> acked = new HashSet<>();
            String prescription = load.prescriptionId();
            load.acked(Kind.ASSESSMENT, untilNanos).forEach(w -> acked.add("A" + w.ref()));
            load.acked(Kind.CHECK_IN, untilNanos).forEach(w -> acked.add("C" + prescription + "@" + w.ref()));
            int lost = (int) acked.stream().filter(ref -> !applied.containsKey(ref)).count();
            int duplicated = (int) acked.stream().filter(ref -> applied.getOrDefault(ref, 0) > 1).count();
            int appliedUnacked = (int) load.all().stream()
                    .filter(w -> w.kind() == Kind.CHECK_IN && !w.acked() && w.at() < untilNanos)
                    .filter(w -> applied.containsKey("C" + prescription + "@" + w.ref())).count();
            return new Outcome(lost, duplicated, appliedUnacked);
        }
    }
}
