package org.careweave.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** CORS for the configured origin only, hardening headers, and the body size limit (200K in tests). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class BrowserAccessTest {

    private static final String APP = "https://app.careweave.example";

    @TestHTTPResource("/")
    URI gateway;

    @ConfigProperty(name = "careweave.gateway.routes.prescription.url")
    String prescriptionService;

    @Test
    void aPreflightFromTheConfiguredOriginIsAllowed() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/prescriptions/rx-1/check-ins")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"))
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("Authorization"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/prescriptions/rx-1/check-ins")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anActualCallFromTheAppCarriesTheCorsHeadersThroughTheProxy() {
        given().header("Origin", APP).auth().oauth2(Tokens.valid()).get("/api/therapy/sessions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("X-Request-Id"));
    }

    @Test
    void hardeningHeadersAndNoProductNames() {
        given().auth().oauth2(Tokens.valid()).get("/api/therapy/sessions")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Server", nullValue())
                .header("Strict-Transport-Security", nullValue());
        given().get("/api/unknown").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        given().get("/q/health/live").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void hstsOnlyWhenTheClientCameOverTls() {
        given().auth().oauth2(Tokens.valid()).header("X-Forwarded-Proto", "https").get("/api/therapy/sessions")
                .then().statusCode(200)
                .header("Strict-Transport-Security", startsWith("max-age=31536000"));
    }

    @Test
    void anOversizeBodyIs413BeforeAnythingElse() {
        String requestId = "big-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).auth().oauth2(Tokens.valid())
                .contentType("application/json").body("{\"note\":\"" + "x".repeat(210_000) + "\"}")
                .post("/api/prescriptions/rx-1/side-effects")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Request Entity Too Large"))
                .body("requestId", equalTo(requestId));
        assertFalse(StandInServices.saw(prescriptionService, requestId));
    }

    @Test
    void anOversizeChunkedBodyIs413Too() throws Exception {
        String requestId = "big-chunked-" + UUID.randomUUID();
        byte[] body = ("{\"note\":\"" + "x".repeat(300_000) + "\"}").getBytes();
        // A stream of unknown length makes java.net.http send it chunked.
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/prescriptions/rx-1/side-effects"))
                .header("Authorization", "Bearer " + Tokens.valid())
                .header("X-Request-Id", requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains(requestId));
    }

    @Test
    void aSmallChunkedBodyIsForwarded() throws Exception {
        byte[] body = "{\"symptom\":\"nausea\"}".getBytes();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/prescriptions/rx-1/side-effects"))
                .header("Authorization", "Bearer " + Tokens.valid())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("nausea"));
    }
}
