package org.careweave.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What the gateway adds, keeps and drops on the way to a service and back. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class ForwardedRequestTest {

    private static final String PATH = "/api/therapy/sessions";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TRACEPARENT_PATTERN = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    @Test
    void aRequestIdIsGeneratedWhenAbsentAndReturnedOnce() {
        Response response = authorized().get(PATH);
        response.then().statusCode(200);
        List<String> returned = response.headers().getValues("X-Request-Id");
        assertEquals(1, returned.size(), "one X-Request-Id although the service echoes it too");
        response.then()
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("headers.x-request-id", contains(returned.get(0)));
    }

    @Test
    void aClientsRequestIdIsKept() {
        authorized().header("X-Request-Id", "app-7f3a.42:retry-1").get(PATH)
                .then().statusCode(200)
                .header("X-Request-Id", "app-7f3a.42:retry-1")
                .body("headers.x-request-id", contains("app-7f3a.42:retry-1"));
    }

    @Test
    void anInsaneRequestIdIsReplaced() {
        authorized().header("X-Request-Id", "<script>" + "x".repeat(200)).get(PATH)
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void aTraceparentIsGeneratedWhenAbsent() {
        authorized().get(PATH)
                .then().statusCode(200)
                .body("headers.traceparent[0]", matchesPattern(TRACEPARENT_PATTERN))
                .body("headers.tracestate", nullValue());
    }

    @Test
    void aValidTraceContextIsPropagatedUnchanged() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        authorized().header("traceparent", traceparent).header("tracestate", "congo=t61rcWkgMzE").get(PATH)
                .then().statusCode(200)
                .body("headers.traceparent", contains(traceparent))
                .body("headers.tracestate", contains("congo=t61rcWkgMzE"));
    }

    @Test
    void aMalformedTraceparentStartsANewTrace() {
        authorized().header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .header("tracestate", "congo=t61rcWkgMzE").get(PATH)
                .then().statusCode(200)
                .body("headers.traceparent[0]", matchesPattern(TRACEPARENT_PATTERN))
                .body("headers.traceparent[0]", not(equalTo("00-00000000000000000000000000000000-00f067aa0ba902b7-01")))
                .body("headers.tracestate", nullValue());
    }

    @Test
    void hopByHopHeadersAreNotForwardedEitherWay() {
        authorized()
                .header("Connection", "X-Client-Secret")
                .header("X-Client-Secret", "for-the-gateway-only")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic cHJveHk6c2VjcmV0")
                .header("Proxy-Connection", "keep-alive")
                .header("TE", "trailers")
                .header("Trailer", "X-Checksum")
                .header("Upgrade", "example/1")
                .header("X-Kept", "yes")
                .get(PATH)
                .then().statusCode(200)
                .body("headers.x-kept", contains("yes"))
                .body("headers.connection", nullValue())
                .body("headers.x-client-secret", nullValue())
                .body("headers.keep-alive", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .body("headers.proxy-connection", nullValue())
                .body("headers.te", nullValue())
                .body("headers.trailer", nullValue())
                .body("headers.upgrade", nullValue())
                // the stand-in answers with Keep-Alive and Proxy-Authenticate: they stop at the gateway too
                .header("Keep-Alive", nullValue())
                .header("Proxy-Authenticate", nullValue());
    }

    @Test
    void forwardingHeadersDescribeTheRealClientNotWhatItClaims() {
        authorized()
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example.com")
                .header("Forwarded", "for=6.6.6.6")
                .get(PATH)
                .then().statusCode(200)
                .body("headers.x-forwarded-for", contains("127.0.0.1"))
                .body("headers.x-forwarded-proto", contains("http"))
                .body("headers.x-forwarded-host[0]", matchesPattern("localhost:\\d+"))
                .body("headers.forwarded", nullValue())
                .body("headers.host[0]", matchesPattern("127\\.0\\.0\\.1:\\d+"));
    }

    private static RequestSpecification authorized() {
        return given().auth().oauth2(Tokens.valid());
    }
}
