package org.careweave.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class GatewayRoutingTest {

    @TestHTTPResource("/")
    URI gateway;

    @ParameterizedTest
    @CsvSource({
            "/api/care-plans/cp-1/revisions, care-plan",
            "/api/intakes/in-7, care-plan",
            "/api/providers/theo/caseload, care-plan",
            "/api/therapy/sessions/s-3, therapy",
            "/api/prescriptions/rx-9/dose, prescription",
            "/api/refill-requests/rf-2, prescription",
            "/api/chat/conversations/c-5/messages, chat" })
    void eachPrefixReachesItsServiceWithPathAndQueryIntact(String path, String service) {
        given().auth().oauth2(Tokens.staff())
                .urlEncodingEnabled(false)
                .get(path + "?from=2025-01-01&q=a%20b&flag")
                .then().statusCode(200)
                .body("service", equalTo(service))
                .body("method", equalTo("GET"))
                .body("path", equalTo(path))
                .body("query", equalTo("from=2025-01-01&q=a%20b&flag"));
    }

    @Test
    void theBarePrefixIsRouted() {
        given().auth().oauth2(Tokens.valid()).get("/api/therapy")
                .then().statusCode(200).body("service", equalTo("therapy")).body("path", equalTo("/api/therapy"));
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnly() {
        given().auth().oauth2(Tokens.valid()).get("/api/therapyX/sessions")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/therapyX/sessions"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/therapy/../prescriptions/rx-1", "/api/therapy/%2e%2e/prescriptions/rx-1" })
    void dotSegmentsAreResolvedBeforeRoutingAndForwarding(String path) throws Exception {
        // java.net.http sends the path as written (REST Assured's client would remove the dot segments itself).
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(gateway.resolve(path)).header("Authorization", "Bearer " + Tokens.valid()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonObject echo = new JsonObject(response.body());
        assertEquals("prescription", echo.getString("service"));
        assertEquals("/api/prescriptions/rx-1", echo.getString("path"));
    }

    @Test
    void anUnknownApiPathIsAProblem404WithOrWithoutToken() {
        given().get("/api/unknown")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No service answers /api/unknown"))
                .body("instance", equalTo("/api/unknown"))
                .body("requestId", notNullValue());
        given().auth().oauth2(Tokens.valid()).get("/api/unknown/deeper")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRequestBodyIsForwarded() {
        String json = "{\"dose\":\"50 mg\",\"note\":\"" + "x".repeat(100_000) + "\"}";
        given().auth().oauth2(Tokens.of("pia-id", "psychiatrist")).contentType("application/json").body(json)
                .post("/api/prescriptions/rx-9/dose-changes")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("body", equalTo(json))
                .body("headers.content-type[0]", equalTo("application/json"));
    }

    @Test
    void metricsNameTheRoutePrefixNotThePath() {
        given().auth().oauth2(Tokens.valid()).get("/api/intakes/patient-4711").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/intakes/*\""), "route prefix as uri tag");
        assertFalse(metrics.contains("patient-4711"), "no record ids in metric labels");
    }

    @Test
    void metricsCountEachRouteByStatus() {
        given().auth().oauth2(Tokens.valid()).contentType("application/json").body("{}").post("/api/prescriptions")
                .then().statusCode(403);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count")
                && line.contains("uri=\"/api/prescriptions/*\"") && line.contains("status=\"403\"")), metrics);
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", "Bearer not-a-token").get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
