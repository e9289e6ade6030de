package org.careweave.careplan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.careweave.careplan.domain.CarePlan;
import org.careweave.platform.events.Topics;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;

@QuarkusTest
class IntakeResourceTest {

    @OidcWireMock
    WireMockServer keycloak;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aPatientsIntakeScoresTheBaselineRecommendsAndProposesAPlan() {
        String alice = Tokens.newId();
        Map<String, Object> body = Intakes.mild();
        body.put("phq9Answers", List.of(2, 2, 2, 2, 2, 2, 2, 2, 0));

        String planId = Intakes.submit(Tokens.patient(alice), body)
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("patientId", equalTo(alice))
                .body("status", equalTo("PROPOSED"))
                .body("baseline.phq9.total", equalTo(16))
                .body("baseline.phq9.band", equalTo("MODERATELY_SEVERE"))
                .body("baseline.gad7.total", equalTo(2))
                .body("baseline.gad7.band", equalTo("MINIMAL"))
                .body("recommendation.modality", equalTo("COMBINED"))
                .body("recommendation.rule", equalTo("COMBINED_SEVERE_DEPRESSION"))
                .body("recommendation.rationale[0]", startsWith("Your PHQ-9 score of 16 points to moderately severe"))
                .body("estimatedMonthlyCost.amount", equalTo(525))
                .body("estimatedMonthlyCost.currency", equalTo("USD"))
                .body("estimatedMonthlyCost.fitsBudget", equalTo(true))
                .body("urgentFlagRaised", equalTo(false))
                .extract().path("carePlanId");

        given().auth().oauth2(Tokens.patient(alice)).get("/api/care-plans/mine").then()
                .statusCode(200)
                .body("id", equalTo(planId))
                .body("goals.measure", contains("PHQ9"))
                .body("goals[0].target", equalTo(5));

        try (TestKafkaConsumer kafka = new TestKafkaConsumer(bootstrap, Topics.CAREPLAN)) {
            var records = kafka.awaitRecords(Topics.CAREPLAN,
                    r -> r.value().contains(planId) && r.value().contains("careweave.careplan.plan.created.v1"),
                    Duration.ofSeconds(20));
            assertThat(records.get(0).key()).isEqualTo(alice);
            assertThat(records.get(0).value()).contains("\"recommendationRule\":\"COMBINED_SEVERE_DEPRESSION\"");
        }
        given().auth().oauth2(Tokens.admin()).queryParam("patientId", alice).get("/api/audit-entries").then()
                .statusCode(200)
                .body("action", hasItems("create", "read"));
    }

    @Test
    void phq9Item9AboveZeroRaisesAnUrgentFlagAtOnce() {
        String patient = Tokens.newId();
        Map<String, Object> body = Intakes.mild();
        body.put("phq9Answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1));

        String planId = Intakes.submit(Tokens.patient(patient), body)
                .statusCode(201)
                .body("urgentFlagRaised", equalTo(true))
                .extract().path("carePlanId");

        given().auth().oauth2(Tokens.coordinator()).get("/api/care-plans/" + planId + "/timeline").then()
                .statusCode(200)
                .body("kind", hasItem("URGENT_FLAG_RAISED"))
                .body("find { it.kind == 'URGENT_FLAG_RAISED' }.details.source", equalTo("INTAKE_SELF_HARM"));
    }

    @Test
    void aCoordinatorSubmitsForANamedPatient() {
        String patient = Tokens.newId();
        RealmStub.install(keycloak);
        RealmStub.user(keycloak, patient, "patient");
        Map<String, Object> body = Intakes.mild();
        body.put("patientId", patient);
        Intakes.submit(Tokens.coordinator(), body).statusCode(201)
                .body("patientId", equalTo(patient))
                .body("recommendation.modality", equalTo("THERAPY"))
                .body("recommendation.rule", equalTo("THERAPY_FIRST_MILD_MODERATE"));

        body.remove("patientId");
        Intakes.submit(Tokens.coordinator(), body).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("patientId"));
    }

    @Test
    void aCoordinatorsIntakeForSomeoneWhoIsNoPatientOfTheRealmChangesNothing() {
        RealmStub.install(keycloak);
        Map<String, Object> body = Intakes.mild();
        for (String notAPatient : List.of(Tokens.newId(), Tokens.THEO)) {
            body.put("patientId", notAPatient);
            Intakes.submit(Tokens.coordinator(), body).statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("patientId"));
            given().auth().oauth2(Tokens.coordinator()).get("/api/care-plans?patientId={p}", notAPatient).then()
                    .statusCode(200).body("size()", equalTo(0));
        }
    }

    @Test
    void aSecondIntakeWhileAPlanExistsAnswers409() {
        String patient = Tokens.newId();
        String planId = Intakes.submit(Tokens.patient(patient), Intakes.mild()).statusCode(201)
                .extract().path("carePlanId");
        Map<String, Object> again = Intakes.mild();
        again.put("phq9Answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1));
        Intakes.submit(Tokens.patient(patient), again).statusCode(409)
                .contentType("application/problem+json");

        // The refused intake still reported thoughts of self-harm: that flag is kept.
        given().auth().oauth2(Tokens.patient(patient)).get("/api/care-plans/" + planId + "/timeline").then()
                .statusCode(200)
                .body("kind", hasItem("URGENT_FLAG_RAISED"));
    }

    @Test
    void aDoubleTappedIntakeCreatesOnePlanAndAnswersTheOtherTaps409() throws Exception {
        String patient = Tokens.newId();
        String token = Tokens.patient(patient);
        ExecutorService taps = Executors.newFixedThreadPool(4);
        List<Integer> statuses;
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(taps.submit(() -> Intakes.submit(token, Intakes.mild()).extract().statusCode()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            taps.shutdownNow();
        }
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CarePlan.count("patientId", patient))).isEqualTo(1);
    }

    @Test
    void invalidAnswersAnswer400WithTheFields() {
        Map<String, Object> body = Intakes.mild();
        body.put("phq9Answers", List.of(1, 1, 1, 4, 1, 1, 1, 1, 0));
        body.put("gad7Answers", List.of(1, 1));
        body.put("sessionsPerMonthAvailable", -1);
        Intakes.submit(Tokens.patient(Tokens.newId()), body).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("phq9Answers[3]", "gad7Answers", "sessionsPerMonthAvailable"));

        Map<String, Object> unknownConcern = Intakes.mild();
        unknownConcern.put("concerns", List.of("BOREDOM"));
        Intakes.submit(Tokens.patient(Tokens.newId()), unknownConcern).statusCode(400);

        given().auth().oauth2(Tokens.patient(Tokens.newId())).contentType(ContentType.JSON).body("{")
                .post("/api/intakes").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void refusesMissingTokensWrongRolesAndOtherPatients() {
        given().contentType(ContentType.JSON).body(Intakes.mild()).post("/api/intakes").then()
                .statusCode(401).contentType("application/problem+json");
        Intakes.submit(Tokens.therapist(Tokens.THEO), Intakes.mild()).statusCode(403)
                .contentType("application/problem+json");

        String other = Tokens.newId();
        Map<String, Object> body = Intakes.mild();
        body.put("patientId", other);
        Intakes.submit(Tokens.patient(Tokens.newId()), body).statusCode(403);
        given().auth().oauth2(Tokens.patient(other)).get("/api/care-plans/mine").then().statusCode(404)
                .body("detail", notNullValue());
    }
}
