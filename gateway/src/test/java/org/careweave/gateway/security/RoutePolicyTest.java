package org.careweave.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The default policies in application.properties, as a client meets them. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class RoutePolicyTest {

    @ConfigProperty(name = "careweave.gateway.routes.prescription.url")
    String prescriptionService;

    @Test
    void aPatientCannotPrescribeAndTheServiceNeverHearsOfIt() {
        String requestId = "policy-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.valid()).header("X-Request-Id", requestId)
                .contentType("application/json").body("{\"patientId\":\"p-1\"}")
                .post("/api/prescriptions")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"))
                .body("detail", equalTo("This call needs one of the roles psychiatrist"))
                .body("instance", equalTo("/api/prescriptions"))
                .body("requestId", equalTo(requestId));
        assertFalse(StandInServices.saw(prescriptionService, requestId));
    }

    @Test
    void aPsychiatristPrescribes() {
        given().auth().oauth2(Tokens.of("pia-id", "psychiatrist")).contentType("application/json").body("{}")
                .post("/api/prescriptions")
                .then().statusCode(200).body("service", equalTo("prescription"));
    }

    @Test
    void patientsReportOnTheirMedicationButProvidersDoNot() {
        given().auth().oauth2(Tokens.valid()).contentType("application/json").body("{\"status\":\"TAKEN\"}")
                .post("/api/prescriptions/rx-1/check-ins")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.valid()).contentType("application/json").body("{}")
                .post("/api/prescriptions/rx-1/side-effects")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("theo-id", "therapist")).contentType("application/json").body("{}")
                .post("/api/prescriptions/rx-1/check-ins")
                .then().statusCode(403);
    }

    @Test
    void readsAndUnlistedCallsAreLeftToTheService() {
        given().auth().oauth2(Tokens.valid()).get("/api/prescriptions/rx-1").then().statusCode(200);
        given().auth().oauth2(Tokens.of("theo-id", "therapist")).get("/api/prescriptions?patientId=p-1")
                .then().statusCode(200);
    }

    @Test
    void providerViewsNeedAProviderRole() {
        given().auth().oauth2(Tokens.valid()).get("/api/providers/me/caseload").then().statusCode(403);
        given().auth().oauth2(Tokens.of("theo-id", "therapist")).get("/api/providers/me/caseload")
                .then().statusCode(200);
    }

    @Test
    void theMatchIsOnTheNormalizedPath() {
        given().auth().oauth2(Tokens.valid()).urlEncodingEnabled(false).contentType("application/json").body("{}")
                .post("/api/therapy/%2e%2e/prescriptions")
                .then().statusCode(403);
    }
}
