package org.careweave.therapy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.careweave.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every operation of this service's OpenAPI document that reads or writes a patient's records leaves exactly one
 * audit entry about that patient. Driven by the document: an operation without a call here fails the test.
 */
@QuarkusTest
class AuditedOperationsTest {

    /** Operations about no patient's record: the audit trail itself and the admins' dead-letter queues. */
    private static final List<String> NOT_PATIENT_RECORDS = List.of("GET /api/audit-entries",
            "GET /api/admin/dead-letters/{topic}", "POST /api/admin/dead-letters/{topic}/replay");

    /** How to call one operation successfully: what to set up first (its result is the id acted on), then the call. */
    private record Call(Function<CareTeam, String> setUp, BiFunction<CareTeam, String, Response> act) {

        static Call of(BiFunction<CareTeam, String, Response> act) {
            return new Call(team -> null, act);
        }

        static Call onSession(BiFunction<CareTeam, String, Response> act) {
            return new Call(AuditedOperationsTest::booked, act);
        }
    }

    private final Map<String, Call> calls = new HashMap<>();

    AuditedOperationsTest() {
        calls.put("POST /api/therapy/sessions", Call.of((team, none) -> team.asTherapist()
                .body(team.session(CareTeam.daysAhead(3), 50)).post("/api/therapy/sessions")));
        calls.put("GET /api/therapy/sessions", Call.of((team, none) -> team.asPatient()
                .get("/api/therapy/sessions?patientId={p}", team.patient())));
        calls.put("GET /api/therapy/sessions/mine", Call.onSession((team, id) -> team.asTherapist()
                .get("/api/therapy/sessions/mine")));
        calls.put("GET /api/therapy/sessions/{id}", Call.onSession((team, id) -> team.asPatient()
                .get("/api/therapy/sessions/{id}", id)));
        calls.put("POST /api/therapy/sessions/{id}/reschedule", Call.onSession((team, id) -> team.asTherapist()
                .body(Map.of("startsAt", CareTeam.daysAhead(40).toString()))
                .post("/api/therapy/sessions/{id}/reschedule", id)));
        calls.put("POST /api/therapy/sessions/{id}/cancel", Call.onSession((team, id) -> team.asPatient()
                .body(Map.of("reason", "Travelling")).post("/api/therapy/sessions/{id}/cancel", id)));
        calls.put("POST /api/therapy/sessions/{id}/complete", Call.onSession((team, id) -> team.asTherapist()
                .body(Map.of("summary", "Worked on sleep.", "privateNote", "Private."))
                .post("/api/therapy/sessions/{id}/complete", id)));
        calls.put("POST /api/therapy/sessions/{id}/no-show", Call.onSession((team, id) -> team.asTherapist()
                .post("/api/therapy/sessions/{id}/no-show", id)));
        calls.put("GET /api/therapy/sessions/{id}/note", new Call(team -> {
            String id = booked(team);
            team.complete(id, Map.of("summary", "Worked on sleep.", "privateNote", "Private.")).statusCode(200);
            return id;
        }, (team, id) -> team.asTherapist().get("/api/therapy/sessions/{id}/note", id)));
        calls.put("POST /api/therapy/sessions/late-entries", Call.of((team, none) -> {
            Map<String, Object> body = team.session(Instant.now().minus(3, ChronoUnit.HOURS)
                    .truncatedTo(ChronoUnit.MINUTES), 50);
            body.remove("therapistId");
            body.put("summary", "Crisis walk-in: safety plan reviewed.");
            return team.asTherapist().body(body).post("/api/therapy/sessions/late-entries");
        }));
        calls.put("POST /api/therapy/session-series", Call.of((team, none) -> {
            Map<String, Object> body = team.session(CareTeam.daysAhead(4), 50);
            body.put("weeks", 1);
            return team.asTherapist().body(body).post("/api/therapy/session-series");
        }));
        calls.put("POST /api/therapy/assessments", Call.of((team, none) -> team.asPatient()
                .body(Map.of("patientId", team.patient(), "instrument", "GAD7", "answers", List.of(1, 1, 1, 1, 0, 0, 0)))
                .post("/api/therapy/assessments")));
        calls.put("GET /api/therapy/assessments", Call.of((team, none) -> team.asTherapist()
                .get("/api/therapy/assessments?patientId={p}", team.patient())));
    }

    @Test
    void everyPatientRecordOperationLeavesExactlyOneAuditEntry() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                String operation = method.toUpperCase() + " " + path.getKey();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method.toUpperCase())
                        && !NOT_PATIENT_RECORDS.contains(operation)) {
                    operations.add(operation);
                }
            });
        }
        assertThat(calls.keySet()).as("a call for every documented operation").containsExactlyInAnyOrderElementsOf(
                operations);

        List<String> wrong = new ArrayList<>();
        for (String operation : operations) {
            CareTeam team = CareTeam.assigned();
            Call call = calls.get(operation);
            String id = call.setUp().apply(team);
            int before = auditOf(team.patient()).size();
            Response response = call.act().apply(team, id);
            assertThat(response.statusCode()).as(operation + " " + response.asString()).isBetween(200, 299);
            List<Map<String, Object>> entries = auditOf(team.patient());
            if (entries.size() - before != 1 || !"SUCCESS".equals(entries.get(0).get("outcome"))) {
                wrong.add(operation + " left " + (entries.size() - before) + " entries: " + entries);
            }
        }
        System.out.printf("FIGURE %d patient-record operations of the document called, %d without exactly one "
                + "audit entry%n", operations.size(), wrong.size());
        assertThat(wrong).isEmpty();
    }

    private static String booked(CareTeam team) {
        return team.book(CareTeam.daysAhead(3 + (int) (Math.random() * 20)));
    }

    private static List<Map<String, Object>> auditOf(String patient) {
        return given().auth().oauth2(TestTokens.of("auditor", "admin")).queryParam("patientId", patient)
                .get("/api/audit-entries").then().statusCode(200).extract().jsonPath().getList("$");
    }
}
