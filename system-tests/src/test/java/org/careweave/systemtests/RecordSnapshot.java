package org.careweave.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careweave.systemtests.CareScenario.Caller;

import io.restassured.response.Response;

/**
 * Everything stored about one patient, as the API shows it to the patient and the coordinator: plans, the plan itself,
 * timeline, sessions, assessments, prescriptions with their check-ins, side effects and refill requests, chat
 * conversations and messages. Taken once it stops changing (events of earlier writes may still be arriving).
 */
final class RecordSnapshot {

    private RecordSnapshot() {
    }

    static Map<String, String> settled(CareScenario scenario, CareScenario.Record record) {
        Map<String, String>[] last = new Map[] { take(scenario, record) };
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Map<String, String> now = take(scenario, record);
                    boolean stable = now.equals(last[0]);
                    last[0] = now;
                    return stable;
                });
        return last[0];
    }

    static Map<String, String> take(CareScenario scenario, CareScenario.Record record) {
        Map<String, String> snapshot = new LinkedHashMap<>();
        String p = record.patientId;
        put(snapshot, "care plans", scenario.as(Caller.COORDINATOR).get("/api/care-plans?patientId={p}", p));
        put(snapshot, "care plan", scenario.as(Caller.COORDINATOR).get("/api/care-plans/{id}", record.planId));
        put(snapshot, "timeline", scenario.as(Caller.COORDINATOR)
                .get("/api/care-plans/{id}/timeline?limit=200", record.planId));
        put(snapshot, "sessions", scenario.as(Caller.COORDINATOR)
                .get("/api/therapy/sessions?patientId={p}&from=1900-01-01T00:00:00Z&to=9999-01-01T00:00:00Z&limit=200", p));
        put(snapshot, "assessments", scenario.as(Caller.COORDINATOR).get("/api/therapy/assessments?patientId={p}", p));
        put(snapshot, "prescriptions", scenario.as(Caller.COORDINATOR)
                .get("/api/prescriptions?patientId={p}&limit=200", p));
        put(snapshot, "prescription", scenario.as(Caller.COORDINATOR)
                .get("/api/prescriptions/{id}", record.prescriptionId));
        put(snapshot, "session", scenario.as(Caller.COORDINATOR).get("/api/therapy/sessions/{id}", record.sessionId));
        for (String part : List.of("refill-requests", "side-effects", "adherence")) {
            put(snapshot, "prescription " + part, scenario.as(Caller.COORDINATOR)
                    .get("/api/prescriptions/{id}/" + part, record.prescriptionId));
        }
        put(snapshot, "conversations", CareScenario.as(record.patientToken).get("/api/chat/conversations?limit=200"));
        put(snapshot, "messages", CareScenario.as(record.patientToken)
                .get("/api/chat/conversations/{id}/messages", record.conversationId));
        return snapshot;
    }

    private static void put(Map<String, String> snapshot, String what, Response response) {
        snapshot.put(what, response.statusCode() + " " + response.asString());
    }
}
