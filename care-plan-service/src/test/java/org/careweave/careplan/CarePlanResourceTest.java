package org.careweave.careplan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.careweave.platform.events.Topics;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;

@QuarkusTest
class CarePlanResourceTest {

    @OidcWireMock
    WireMockServer keycloak;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void realm() {
        RealmStub.install(keycloak);
    }

    @Test
    void aPlanIsVisibleToItsPatientAndCoordinatorsOnly() {
        String patient = Tokens.newId();
        String planId = Intakes.submit(Tokens.patient(patient), Intakes.mild()).statusCode(201)
                .extract().path("carePlanId");

        given().auth().oauth2(Tokens.patient(patient)).get("/api/care-plans/" + planId).then()
                .statusCode(200)
                .body("patientId", equalTo(patient))
                .body("recommendation.rule", equalTo("THERAPY_FIRST_MILD_MODERATE"))
                .body("careTeam.therapistId", equalTo(null));
        given().auth().oauth2(Tokens.coordinator()).get("/api/care-plans/" + planId).then().statusCode(200);

        given().auth().oauth2(Tokens.patient(Tokens.newId())).get("/api/care-plans/" + planId).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).get("/api/care-plans/" + planId).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.patient(patient)).get("/api/care-plans/not-a-plan").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/api/care-plans/" + planId).then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/care-plans/" + planId).then().statusCode(401);

        given().auth().oauth2(Tokens.admin()).queryParam("patientId", patient).get("/api/audit-entries").then()
                .statusCode(200)
                .body("findAll { it.outcome == 'DENIED' }.action", hasItem("read"));
    }

    @Test
    void listsAPatientsPlansForCoordinatorsAndTheCareTeam() {
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);

        given().auth().oauth2(Tokens.coordinator()).queryParam("patientId", patient).get("/api/care-plans").then()
                .statusCode(200).body("id", contains(planId));
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).queryParam("patientId", patient)
                .get("/api/care-plans").then().statusCode(404);
        given().auth().oauth2(Tokens.patient(patient)).queryParam("patientId", patient).get("/api/care-plans")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).get("/api/care-plans").then().statusCode(400)
                .body("errors.field", contains("patientId"));

        assignTeam(planId, Tokens.THEO, null).statusCode(200);
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).queryParam("patientId", patient)
                .get("/api/care-plans").then().statusCode(200).body("id", contains(planId));
    }

    @Test
    void aCoordinatorActivatesAProposedPlanOnce() {
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);

        given().auth().oauth2(Tokens.patient(patient)).post("/api/care-plans/" + planId + "/activate").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).post("/api/care-plans/" + planId + "/activate").then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(Tokens.coordinator()).post("/api/care-plans/" + planId + "/activate").then()
                .statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.coordinator()).post("/api/care-plans/" + Tokens.newId() + "/activate").then()
                .statusCode(404);

        try (TestKafkaConsumer kafka = new TestKafkaConsumer(bootstrap, Topics.CAREPLAN)) {
            kafka.awaitRecords(Topics.CAREPLAN, r -> r.value().contains("careweave.careplan.plan.status-changed.v1")
                    && r.value().contains(planId) && r.value().contains("\"to\":\"ACTIVE\""), Duration.ofSeconds(20));
        }
    }

    @Test
    void revisionsAreKeptAndAStaleRevisionAnswers409() {
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);

        revise(planId, revision(1, "COMBINED", "Symptoms worse than reported at intake")).statusCode(200)
                .body("revision", equalTo(2))
                .body("modality", equalTo("COMBINED"))
                .body("goals[0].measure", equalTo("PHQ9"))
                .body("estimatedMonthlyCost.amount", equalTo(525));
        revise(planId, revision(1, "THERAPY", "Made on an old copy")).statusCode(409)
                .contentType("application/problem+json");

        given().auth().oauth2(Tokens.patient(patient)).get("/api/care-plans/" + planId + "/revisions").then()
                .statusCode(200)
                .body("revision", contains(1, 2))
                .body("modality", contains("THERAPY", "COMBINED"))
                .body("reason", contains("Proposed at intake", "Symptoms worse than reported at intake"));
        given().auth().oauth2(Tokens.patient(Tokens.newId())).get("/api/care-plans/" + planId + "/revisions")
                .then().statusCode(404);

        try (TestKafkaConsumer kafka = new TestKafkaConsumer(bootstrap, Topics.CAREPLAN)) {
            kafka.awaitRecords(Topics.CAREPLAN, r -> r.value().contains("careweave.careplan.plan.revised.v1")
                    && r.value().contains(planId) && r.value().contains("\"revision\":2"), Duration.ofSeconds(20));
        }
    }

    @Test
    void aRevisionNeedsAReasonAndMeasurableGoals() {
        String planId = Intakes.planFor(Tokens.newId());
        Map<String, Object> body = revision(1, "THERAPY", " ");
        body.put("goals", List.of(Map.of("description", "Feel better", "measure", "PHQ9", "comparator", "BELOW")));

        revise(planId, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("reason", "goals[0].target"));
        given().auth().oauth2(Tokens.patient(Tokens.newId())).contentType(ContentType.JSON)
                .body(revision(1, "THERAPY", "mine")).put("/api/care-plans/" + planId).then().statusCode(403);
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).contentType(ContentType.JSON)
                .body(revision(1, "THERAPY", "not my patient")).put("/api/care-plans/" + planId).then()
                .statusCode(404);
    }

    @Test
    void assigningTheCareTeamPublishesTheWholeTeamAndGrantsAccessAtOnce() {
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);

        assignTeam(planId, Tokens.THEO, Tokens.PRIYA).statusCode(200)
                .body("careTeam.therapistId", equalTo(Tokens.THEO))
                .body("careTeam.prescriberId", equalTo(Tokens.PRIYA))
                .body("careTeam.coordinatorId", equalTo(Tokens.CORA));

        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).get("/api/care-plans/" + planId).then().statusCode(200);
        given().auth().oauth2(Tokens.psychiatrist(Tokens.PRIYA)).get("/api/care-plans/" + planId + "/timeline")
                .then().statusCode(200).body("kind", hasItems("PLAN_CREATED", "CARE_TEAM_CHANGED"));

        try (TestKafkaConsumer kafka = new TestKafkaConsumer(bootstrap, Topics.CAREPLAN)) {
            var records = kafka.awaitRecords(Topics.CAREPLAN,
                    r -> r.value().contains("careweave.careplan.care-team.changed.v1") && r.value().contains(planId),
                    Duration.ofSeconds(20));
            assertThat(records.get(0).key()).isEqualTo(patient);
            assertThat(records.get(0).value()).contains(Tokens.THEO, "THERAPIST", Tokens.PRIYA, "PRESCRIBER",
                    Tokens.CORA, "COORDINATOR");
        }

        // A new team replaces the old one: Theo loses access.
        String otherTherapist = Tokens.newId();
        RealmStub.user(keycloak, otherTherapist, "therapist");
        assignTeam(planId, otherTherapist, null).statusCode(200);
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).get("/api/care-plans/" + planId).then().statusCode(404);
        given().auth().oauth2(Tokens.therapist(otherTherapist)).get("/api/care-plans/" + planId).then()
                .statusCode(200);
    }

    @Test
    void withKeycloakUnreachableCareTeamAssignmentAnswers503ProblemAndChangesNothing() {
        String planId = Intakes.planFor(Tokens.newId());
        String therapist = Tokens.newId();
        // Keycloak's admin API drops the connection, as a stopped Keycloak does.
        keycloak.stubFor(WireMock.get(WireMock.urlPathEqualTo(
                "/auth/admin/realms/quarkus/users/" + therapist + "/role-mappings/realm/composite"))
                .atPriority(1)
                .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assignTeam(planId, therapist, null).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", not(equalTo(null)))
                .body("status", equalTo(503));
        given().auth().oauth2(Tokens.coordinator()).get("/api/care-plans/" + planId).then()
                .body("careTeam.therapistId", equalTo(null));
    }

    @Test
    void theCareTeamMustHoldTheRealmRolesTheyAreAssignedFor() {
        String planId = Intakes.planFor(Tokens.newId());

        assignTeam(planId, Tokens.PRIYA, Tokens.THEO).statusCode(400)
                .body("errors.field", containsInAnyOrder("therapistId", "prescriberId"));
        assignTeam(planId, Tokens.newId(), null).statusCode(400).body("errors.field", contains("therapistId"));
        assignTeam(planId, null, null).statusCode(400).body("errors.field", contains("therapistId"));
        assignTeam(planId, "theo", null).statusCode(400).body("errors.field", contains("therapistId"));
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", Tokens.THEO)).put("/api/care-plans/" + planId + "/care-team").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).get("/api/care-plans/" + planId).then()
                .body("careTeam.therapistId", equalTo(null));
    }

    @Test
    void aCareTeamMemberAcknowledgesAnUrgentFlagOnce() {
        String patient = Tokens.newId();
        RealmStub.user(keycloak, patient, "patient");
        Map<String, Object> intake = Intakes.mild();
        intake.put("patientId", patient);
        intake.put("phq9Answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 2));
        String planId = Intakes.submit(Tokens.coordinator(), intake).statusCode(201).extract().path("carePlanId");
        assignTeam(planId, Tokens.THEO, null).statusCode(200);
        String flagId = given().auth().oauth2(Tokens.therapist(Tokens.THEO)).get("/api/providers/me/caseload").then()
                .statusCode(200).extract()
                .path("find { it.patientId == '" + patient + "' }.openUrgentFlags[0].id");

        given().auth().oauth2(Tokens.patient(patient)).post(ack(planId, flagId)).then().statusCode(403);
        given().auth().oauth2(Tokens.therapist(Tokens.newId())).post(ack(planId, flagId)).then().statusCode(404);
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).post(ack(planId, Tokens.newId())).then().statusCode(404);
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).post(ack(planId, flagId)).then()
                .statusCode(200).body("source", equalTo("INTAKE_SELF_HARM"));
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).post(ack(planId, flagId)).then().statusCode(409);

        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).get("/api/providers/me/caseload").then()
                .body("find { it.patientId == '" + patient + "' }.openUrgentFlags", hasSize(0));
        given().auth().oauth2(Tokens.patient(patient)).get("/api/care-plans/" + planId + "/timeline").then()
                .body("kind", hasItems("URGENT_FLAG_RAISED", "URGENT_FLAG_ACKNOWLEDGED"));
    }

    @Test
    void aCoordinatorsCaseloadHoldsEveryPatientWithAnOpenFlagTeamOrNot() {
        String flagged = Tokens.newId();
        String calm = Tokens.newId();
        Map<String, Object> risky = Intakes.mild();
        risky.put("phq9Answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 2));
        Intakes.submit(Tokens.patient(flagged), risky).statusCode(201);
        Intakes.submit(Tokens.patient(calm), Intakes.mild()).statusCode(201);

        given().auth().oauth2(Tokens.coordinator()).get("/api/providers/me/caseload").then()
                .statusCode(200)
                .body("patientId", hasItem(flagged))
                .body("patientId", not(hasItem(calm)))
                .body("find { it.patientId == '" + flagged + "' }.openUrgentFlags[0].source",
                        equalTo("INTAKE_SELF_HARM"));
        // A therapist's caseload stays their own team's.
        given().auth().oauth2(Tokens.therapist(Tokens.newId())).get("/api/providers/me/caseload").then()
                .statusCode(200).body("patientId", not(hasItem(flagged)));
    }

    private static String ack(String planId, String flagId) {
        return "/api/care-plans/" + planId + "/flags/" + flagId + "/acknowledge";
    }

    static io.restassured.response.ValidatableResponse assignTeam(String planId, String therapistId,
            String prescriberId) {
        Map<String, Object> body = new HashMap<>();
        body.put("therapistId", therapistId);
        body.put("prescriberId", prescriberId);
        return given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(body)
                .put("/api/care-plans/" + planId + "/care-team").then();
    }

    private static io.restassured.response.ValidatableResponse revise(String planId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(body)
                .put("/api/care-plans/" + planId).then();
    }

    static Map<String, Object> revision(int revision, String modality, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("revision", revision);
        body.put("modality", modality);
        body.put("goals", List.of(Map.of("description", "Depression in remission", "measure", "PHQ9",
                "comparator", "BELOW", "target", 5)));
        body.put("preferences", Map.of("openToMedication", true, "prefersTalkTherapy", true,
                "sessionsPerMonthAvailable", 4, "sessionFormat", "VIDEO"));
        body.put("reason", reason);
        return body;
    }
}
