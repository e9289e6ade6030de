package org.careweave.careplan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;

/** What the dashboard needs beyond the caseload: who a plan's patient is, and which plans still need a team. */
@QuarkusTest
class CoordinationResourceTest {

    @OidcWireMock
    WireMockServer keycloak;

    @BeforeEach
    void realm() {
        RealmStub.install(keycloak);
    }

    @Test
    void thePatientsNameIsForThoseWhoMaySeeThePlan() {
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);
        keycloak.stubFor(get(urlPathEqualTo("/auth/admin/realms/quarkus/users/" + patient))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"id\":\"" + patient + "\",\"username\":\"dana\",\"firstName\":\"Dana\",\"lastName\":\"Example\"}")));

        given().auth().oauth2(Tokens.coordinator()).get("/api/care-plans/" + planId + "/patient").then()
                .statusCode(200)
                .body("patientId", equalTo(patient))
                .body("name", equalTo("Dana Example"));
        given().auth().oauth2(Tokens.patient(patient)).get("/api/care-plans/" + planId + "/patient").then()
                .statusCode(200).body("name", equalTo("Dana Example"));
        // Not on the care team: the plan does not exist for them.
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).get("/api/care-plans/" + planId + "/patient").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/care-plans/" + planId + "/patient").then().statusCode(403);

        given().auth().oauth2(Tokens.admin()).queryParam("patientId", patient).get("/api/audit-entries").then()
                .statusCode(200)
                .body("findAll { it.resourceType == 'patient-profile' && it.outcome == 'SUCCESS' }.action", hasItem("read"));
    }

    @Test
    void aPlanIsListedWithoutCareTeamUntilATeamIsAssigned() {
        String planId = Intakes.planFor(Tokens.newId());

        given().auth().oauth2(Tokens.coordinator()).get("/api/care-plans/without-care-team").then()
                .statusCode(200).body("id", hasItem(planId));
        given().auth().oauth2(Tokens.therapist(Tokens.THEO)).get("/api/care-plans/without-care-team").then()
                .statusCode(403).contentType("application/problem+json");

        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("therapistId", Tokens.THEO)).put("/api/care-plans/" + planId + "/care-team").then()
                .statusCode(200);
        given().auth().oauth2(Tokens.coordinator()).get("/api/care-plans/without-care-team").then()
                .statusCode(200).body("id", not(hasItem(planId)));
    }
}
