package org.careweave.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;

/** A path the services could read otherwise than the gateway's route policies never reaches a service. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class AmbiguousPathTest {

    @TestHTTPResource("/")
    URI gateway;

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/prescriptions/rx-1/dose-changes;x",
            "/api/prescriptions/rx-1;v=2/dose-changes",
            "/api/prescriptions/rx-1/dose-changes%3Bx",
            "/api/prescriptions/rx-1/dose-changes%3bx",
            "/api/prescriptions/rx-1%2Fdose-changes",
            "/api/prescriptions/rx-1/dose-changes%252e",
            "/api/prescriptions/rx-1%5Cdose-changes" })
    void aPatientCannotSlipPastTheDoseChangePolicy(String path) throws Exception {
        // java.net.http sends the path as written; the patient lacks the psychiatrist role the policy demands.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + Tokens.of("patient-1", "patient"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"dose\":{\"amount\":500,\"unit\":\"mg\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = new JsonObject(response.body());
        assertEquals(400, problem.getInteger("status"));
        assertTrue(problem.getString("detail").contains("';'"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/prescriptions/rx-1/dose-changes", "/api/therapy/../prescriptions/rx-1/dose-changes" })
    void thePlainPathMeetsThePolicy(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + Tokens.of("patient-1", "patient"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode(), response.body());
    }
}
