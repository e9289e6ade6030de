package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The gateway is the one front door: nothing reaches a service without a valid careweave token. */
@ExtendWith(Stack.class)
class GatewaySecurityIT {

    /** One path per route prefix of the gateway. */
    static Stream<String> routes() {
        return Stream.of("/api/care-plans/mine", "/api/intakes", "/api/providers/me/caseload",
                "/api/therapy/sessions/mine", "/api/prescriptions", "/api/refill-requests/x/approve",
                "/api/chat/conversations");
    }

    @ParameterizedTest
    @MethodSource("routes")
    void everyRouteAnswers401WithoutToken(String path) {
        given().get(Stack.GATEWAY + path).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void everyRouteAnswers401ForATokenOfAnotherRealm(String path) {
        given().auth().oauth2(Tokens.fromAnotherRealm()).get(Stack.GATEWAY + path).then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @MethodSource("routes")
    void everyRouteAnswers401ForATokenSignedByAnotherKey(String path) {
        given().auth().oauth2(Tokens.signedByAnotherKey()).get(Stack.GATEWAY + path).then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    /** A path of each service that a patient may read. */
    static Stream<String> patientReadablePaths() {
        return Stream.of("/api/care-plans/mine", "/api/therapy/assessments?patientId=" + CareJourneyIT.ALICE,
                "/api/prescriptions?patientId=" + CareJourneyIT.ALICE, "/api/chat/conversations");
    }

    @ParameterizedTest
    @MethodSource("patientReadablePaths")
    void aPatientTokenReachesEveryService(String path) {
        // The service itself answers, having validated the forwarded token again (404: no plan yet).
        given().auth().oauth2(Tokens.of("alice")).get(Stack.GATEWAY + path).then()
                .statusCode(oneOf(200, 404))
                .header("X-Request-Id", not(equalTo(null)));
    }

    @Test
    void aRoutePolicyRefusesAPatientBeforeTheService() {
        given().auth().oauth2(Tokens.of("alice")).contentType("application/json").body("{}")
                .post(Stack.GATEWAY + "/api/prescriptions").then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void requestIdOfTheClientIsKept() {
        given().auth().oauth2(Tokens.of("alice")).header("X-Request-Id", "system-test-42")
                .get(Stack.GATEWAY + "/api/care-plans/mine").then()
                .header("X-Request-Id", "system-test-42");
    }
}
