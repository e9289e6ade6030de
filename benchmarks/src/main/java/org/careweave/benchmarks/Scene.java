package org.careweave.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The bench's people: patient i has an active care plan with therapist i and psychiatrist i on its team (set by
 * Cora through the API, as a coordinator does) and a CARE_TEAM conversation. Users are made once through
 * Keycloak's admin API and kept with the stack's data, so later runs only check them.
 */
final class Scene {

    record Team(int index, String patient, String patientId, String therapist, String therapistId,
            String psychiatrist, String psychiatristId, String conversationId) {
    }

    final List<Team> teams = new ArrayList<>();
    /** teams that could not be set up (the run goes on with the others) */
    final List<String> failures = new ArrayList<>();
    private final Keycloak keycloak;
    private final String carePlanUrl;
    private final String chatUrl;

    Scene(Keycloak keycloak, String carePlanUrl, String chatUrl) {
        this.keycloak = keycloak;
        this.carePlanUrl = carePlanUrl;
        this.chatUrl = chatUrl;
    }

    /** {@code count} care teams, built side by side (Keycloak and the services take a few calls each). */
    void build(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Team>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> team(index)));
            }
            for (Future<Team> f : futures) {
                try {
                    teams.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                }
            }
            // the loads index teams by position
            for (int i = 0; i < teams.size(); i++) {
                Team t = teams.get(i);
                teams.set(i, new Team(i, t.patient(), t.patientId(), t.therapist(), t.therapistId(), t.psychiatrist(),
                        t.psychiatristId(), t.conversationId()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Team team(int i) throws InterruptedException {
        String patient = "bench-patient-" + i;
        String therapist = "bench-therapist-" + i;
        String psychiatrist = "bench-psychiatrist-" + i;
        String patientId = keycloak.user(patient, "patient");
        String therapistId = keycloak.user(therapist, "therapist");
        String psychiatristId = keycloak.user(psychiatrist, "psychiatrist");
        ensurePlan(patient, patientId, therapistId, psychiatristId);
        String conversationId = null;
        for (int attempt = 0; attempt < 240 && conversationId == null; attempt++) {
            // the chat service learns the team from the care-team event
            Http.Response r = Http.call("POST", chatUrl + "/api/chat/conversations", keycloak.token(therapist),
                    Map.of("kind", "CARE_TEAM", "patientId", patientId));
            if (r.ok()) {
                conversationId = r.body().get("id").asText();
            } else {
                Thread.sleep(250);
            }
        }
        if (conversationId == null) {
            throw new IllegalStateException("no CARE_TEAM conversation for " + patient);
        }
        return new Team(i, patient, patientId, therapist, therapistId, psychiatrist, psychiatristId, conversationId);
    }

    /** An active plan with this team: the patient's intake, then Cora activates it and assigns the team. */
    void ensurePlan(String patient, String patientId, String therapistId, String psychiatristId) {
        Http.Response mine = Http.call("GET", carePlanUrl + "/api/care-plans/mine", keycloak.token(patient), null);
        String planId;
        if (mine.ok()) {
            planId = mine.body().get("id").asText();
            if (therapistId == null || therapistId.equals(mine.body().path("careTeam").path("therapistId").asText())
                    && "ACTIVE".equals(mine.body().path("status").asText())) {
                return;
            }
        } else {
            Http.Response intake = Http.call("POST", carePlanUrl + "/api/intakes", keycloak.token(patient),
                    Map.of("concerns", List.of("DEPRESSION"), "phq9Answers", List.of(1, 1, 1, 1, 1, 1, 1, 0, 0),
                            "openToMedication", true, "prefersTalkTherapy", true, "sessionsPerMonthAvailable", 4,
                            "monthlyBudget", 600));
            if (!intake.ok()) {
                throw new IllegalStateException("intake of " + patient + ": " + intake.status() + " " + intake.body());
            }
            planId = intake.body().get("carePlanId").asText();
        }
        String cora = keycloak.token("cora");
        Http.Response activated = Http.call("POST", carePlanUrl + "/api/care-plans/" + planId + "/activate", cora, null);
        if (!activated.ok() && activated.status() != 409) {
            throw new IllegalStateException("activate " + patient + ": " + activated.status() + " " + activated.body());
        }
        if (therapistId != null) {
            Http.Response team = Http.call("PUT", carePlanUrl + "/api/care-plans/" + planId + "/care-team", cora,
                    Map.of("therapistId", therapistId, "prescriberId", psychiatristId));
            if (!team.ok()) {
                throw new IllegalStateException("care team of " + patient + ": " + team.status() + " " + team.body());
            }
        }
    }
}
