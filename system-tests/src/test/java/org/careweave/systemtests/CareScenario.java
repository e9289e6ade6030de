package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The people of the authorization matrix and the fuzzer, and a patient with a whole record to aim at: a care plan
 * (active, with Theo and Priya as its team, an urgent flag), a session, a prescription with a refill request, and a
 * chat conversation. The patients are new on every run (a kept stack holds earlier runs' people), so every status
 * is the same on a fresh and on a kept stack. Extra users are made through Keycloak's admin API.
 */
final class CareScenario {

    static final String THEO = "33333333-3333-4333-8333-333333333333";
    static final String PRIYA = "44444444-4444-4444-8444-444444444444";
    static final Duration PROPAGATION = Duration.ofSeconds(60);

    /** The matrix's callers, in the column order of the table; null token: anonymous. */
    enum Caller {
        ANONYMOUS("anonymous"), PATIENT("the patient"), OTHER_PATIENT("another patient"),
        TEAM_THERAPIST("team therapist"), TEAM_PSYCHIATRIST("team psychiatrist"),
        OUTSIDER("provider not on the team"), COORDINATOR("coordinator"), ADMIN("admin");

        final String column;

        Caller(String column) {
            this.column = column;
        }
    }

    final Map<Caller, String> tokens = new LinkedHashMap<>();
    /** Distinguishes this run's users from a kept stack's earlier ones. */
    final String run;
    final Record patient;
    private final AtomicInteger slots = new AtomicInteger();
    private final long slotBase;

    private CareScenario(String run) {
        this.run = run;
        String patientName = "matrix-patient-" + run;
        String otherName = "matrix-other-patient-" + run;
        String patientId = RealmAdmin.user(patientName, "patient");
        RealmAdmin.user(otherName, "patient");
        RealmAdmin.user("matrix-outsider-psychiatrist", "psychiatrist");
        tokens.put(Caller.ANONYMOUS, null);
        tokens.put(Caller.PATIENT, Tokens.of(patientName));
        tokens.put(Caller.OTHER_PATIENT, Tokens.of(otherName));
        tokens.put(Caller.TEAM_THERAPIST, Tokens.of("theo"));
        tokens.put(Caller.TEAM_PSYCHIATRIST, Tokens.of("priya"));
        tokens.put(Caller.OUTSIDER, Tokens.of("matrix-outsider-psychiatrist"));
        tokens.put(Caller.COORDINATOR, Tokens.of("cora"));
        tokens.put(Caller.ADMIN, Tokens.of("adam"));
        // Sessions of this run start on a day of their own, far ahead, so they never overlap a kept stack's.
        slotBase = Instant.now().plus(400 + Math.floorMod(run.hashCode(), 20_000), ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.DAYS).getEpochSecond();
        patient = new Record(patientId, tokens.get(Caller.PATIENT));
    }

    static CareScenario create() {
        return new CareScenario(UUID.randomUUID().toString().substring(0, 8));
    }

    /** A second patient with a whole record of its own (same team), made with the given username. */
    Record anotherRecord(String username) {
        String id = RealmAdmin.user(username, "patient");
        return new Record(id, Tokens.of(username));
    }

    RequestSpecification as(Caller caller) {
        return as(tokens.get(caller));
    }

    static RequestSpecification as(String token) {
        RequestSpecification spec = given().baseUri(Stack.GATEWAY).contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    /** A future start no other request of this run uses (sessions of one therapist must not overlap). */
    String nextFutureSlot() {
        return Instant.ofEpochSecond(slotBase).plus(slots.incrementAndGet(), ChronoUnit.HOURS).toString();
    }

    /** A past start within the late-entry window, one per request. */
    String nextPastSlot() {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2L + slots.incrementAndGet() % 600, ChronoUnit.HOURS)
                .toString();
    }

    /** One patient's record, built through the gateway as the patient, Cora, Theo and Priya would. */
    final class Record {

        final String patientId;
        final String patientToken;
        final String planId;
        final String sessionId;
        final String prescriptionId;
        final String refillRequestId;
        final String conversationId;
        final String flagId;

        Record(String patientId, String patientToken) {
            this.patientId = patientId;
            this.patientToken = patientToken;
            // PHQ-9 item 9 answered: an urgent flag for the team to acknowledge.
            planId = as(patientToken).body(Map.of("concerns", List.of("DEPRESSION"),
                    "phq9Answers", List.of(2, 2, 2, 2, 2, 2, 2, 2, 1), "openToMedication", true,
                    "prefersTalkTherapy", true, "sessionsPerMonthAvailable", 4, "monthlyBudget", 600))
                    .post("/api/intakes").then().statusCode(201).extract().path("carePlanId");
            as(Caller.COORDINATOR).post("/api/care-plans/{id}/activate", planId).then().statusCode(200);
            as(Caller.COORDINATOR).body(Map.of("therapistId", THEO, "prescriberId", PRIYA))
                    .put("/api/care-plans/{id}/care-team", planId).then().statusCode(200);
            // Every service learns the team from the care-team event.
            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).until(() ->
                    as(Caller.TEAM_THERAPIST).get("/api/therapy/sessions?patientId={p}", patientId).statusCode() == 200
                            && as(Caller.TEAM_PSYCHIATRIST).get("/api/prescriptions?patientId={p}", patientId)
                                    .statusCode() == 200
                            && as(Caller.TEAM_THERAPIST).body(Map.of("kind", "CARE_TEAM", "patientId", patientId))
                                    .post("/api/chat/conversations").statusCode() / 100 == 2);
            sessionId = as(Caller.TEAM_THERAPIST).body(Map.of("patientId", patientId, "therapistId", THEO,
                    "startsAt", nextFutureSlot(), "durationMinutes", 50, "modality", "CBT", "format", "VIDEO"))
                    .post("/api/therapy/sessions").then().statusCode(201).extract().path("id");
            prescriptionId = as(Caller.TEAM_PSYCHIATRIST).body(prescription(patientId, "Sertraline", "SSRI"))
                    .post("/api/prescriptions").then().statusCode(201).extract().path("id");
            refillRequestId = as(patientToken).post("/api/prescriptions/{id}/refill-requests", prescriptionId).then()
                    .statusCode(201).extract().path("id");
            conversationId = as(patientToken).body(Map.of("kind", "SUPPORT")).post("/api/chat/conversations").then()
                    .extract().path("id");
            flagId = await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).until(() -> {
                List<Map<String, Object>> entries = as(Caller.TEAM_THERAPIST).get("/api/providers/me/caseload")
                        .then().statusCode(200).extract().path("findAll { it.patientId == '" + patientId + "' }"
                                + ".openUrgentFlags.flatten()");
                return entries.isEmpty() ? null : (String) entries.get(0).get("id");
            }, id -> id != null);
        }

        /** The operation's path with this record's ids in place of its parameters. */
        String path(ApiDocument.Operation op) {
            String path = op.path();
            String id = path.startsWith("/api/care-plans") || path.startsWith("/api/patients")
                    ? path.startsWith("/api/patients") ? patientId : planId
                    : path.startsWith("/api/therapy/sessions") ? sessionId
                    : path.startsWith("/api/prescriptions") ? prescriptionId
                    : path.startsWith("/api/refill-requests") ? refillRequestId
                    : path.startsWith("/api/chat/conversations") ? conversationId
                    : null;
            return path.replaceAll("\\{(id|patientId|carePlanId|sessionId|prescriptionId|conversationId)}",
                    id == null ? "unknown" : id)
                    .replace("{flagId}", flagId)
                    .replace("{topic}", "therapy.events.dlq");
        }

        /** Valid values of the operation's query parameters: this patient, and the required ones filled in. */
        Map<String, String> query(ApiDocument.Operation op) {
            Map<String, String> query = new LinkedHashMap<>();
            for (ApiDocument.Parameter p : op.parameters()) {
                if (!p.in().equals("query")) {
                    continue;
                }
                if (p.name().equals("patientId")) {
                    query.put("patientId", patientId);
                } else if (p.required()) {
                    query.put(p.name(), sample(p));
                }
            }
            return query;
        }

        private String sample(ApiDocument.Parameter p) {
            if (p.schema().has("enum")) {
                return p.schema().get("enum").get(0).asText();
            }
            if ("date-time".equals(p.schema().path("format").asText())) {
                return p.name().equals("to") ? Instant.now().plus(30, ChronoUnit.DAYS).toString()
                        : Instant.now().minus(30, ChronoUnit.DAYS).toString();
            }
            if ("integer".equals(p.schema().path("type").asText())) {
                return p.schema().has("minimum") ? p.schema().get("minimum").asText() : "1";
            }
            return "x";
        }

        /** A valid body for the operation, aimed at this patient's record; null for operations without one. */
        Map<String, Object> body(ApiDocument.Operation op) {
            String p = op.path();
            Map<String, Object> body = switch (op.method() + " " + p) {
                case "POST /api/intakes" -> Map.of("patientId", patientId, "concerns", List.of("ANXIETY"),
                        "gad7Answers", List.of(1, 1, 1, 1, 0, 0, 0), "openToMedication", false,
                        "prefersTalkTherapy", true, "sessionsPerMonthAvailable", 4);
                case "PUT /api/care-plans/{id}" -> Map.of("revision", 1, "modality", "COMBINED",
                        "goals", List.of(Map.of("description", "PHQ-9 below 10", "measure", "PHQ9",
                                "comparator", "BELOW", "target", 10)),
                        "preferences", Map.of("openToMedication", true, "prefersTalkTherapy", true,
                                "sessionsPerMonthAvailable", 4),
                        "reason", "Review after four weeks");
                case "PUT /api/care-plans/{id}/care-team" -> Map.of("therapistId", THEO, "prescriberId", PRIYA);
                case "POST /api/therapy/sessions" -> Map.of("patientId", patientId, "therapistId", THEO,
                        "startsAt", nextFutureSlot(), "durationMinutes", 50, "modality", "CBT", "format", "VIDEO");
                case "POST /api/therapy/session-series" -> Map.of("patientId", patientId, "therapistId", THEO,
                        "startsAt", nextFutureSlot(), "durationMinutes", 50, "modality", "CBT", "format", "VIDEO",
                        "weeks", 1);
                case "POST /api/therapy/sessions/late-entries" -> Map.of("patientId", patientId,
                        "startsAt", nextPastSlot(), "durationMinutes", 30, "modality", "CBT", "format", "IN_PERSON",
                        "summary", "Walk-in: safety plan reviewed.");
                case "POST /api/therapy/sessions/{id}/reschedule" -> Map.of("startsAt", nextFutureSlot());
                case "POST /api/therapy/sessions/{id}/cancel" -> Map.of("reason", "Travelling");
                case "POST /api/therapy/sessions/{id}/complete" -> Map.of("summary", "Worked on sleep hygiene.");
                case "POST /api/therapy/assessments" -> Map.of("patientId", patientId, "instrument", "PHQ9",
                        "answers", List.of(1, 1, 1, 1, 1, 1, 1, 0, 0));
                case "POST /api/prescriptions" -> prescription(patientId, "Bupropion", "NDRI");
                case "POST /api/prescriptions/{id}/dose-changes" -> Map.of("amount", 75, "unit", "mg",
                        "reason", "Partial response");
                case "POST /api/prescriptions/{id}/discontinue", "POST /api/refill-requests/{id}/deny" ->
                        Map.of("reason", "Review first");
                case "POST /api/refill-requests/{id}/approve" -> Map.of("reason", "Stable");
                case "POST /api/prescriptions/{id}/check-ins" -> Map.of("status", "TAKEN",
                        "takenAt", Instant.now().atOffset(ZoneOffset.UTC).toString());
                case "POST /api/prescriptions/{id}/side-effects" -> Map.of("symptom", "nausea", "severity", "MILD");
                case "POST /api/chat/conversations" -> Map.of("kind", "SUPPORT", "patientId", patientId);
                case "POST /api/chat/conversations/{id}/messages" -> Map.of("text", "Is it normal to feel tired?");
                default -> null;
            };
            if (body == null && op.bodyRequired()) {
                throw new IllegalStateException("No valid body known for " + op.key() + ": add one to CareScenario");
            }
            return body;
        }
    }

    static Map<String, Object> prescription(String patientId, String medication, String drugClass) {
        return Map.of("patientId", patientId, "medication", Map.of("name", medication, "drugClass", drugClass),
                "dose", Map.of("amount", 50, "unit", "mg"), "frequency", "ONCE_DAILY", "refillsAllowed", 2,
                "startDate", LocalDate.now(ZoneOffset.UTC).toString());
    }
}
