package org.careweave.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.careweave.gateway.testing.StandInServices;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** The dashboard's pages need no token, carry a strict Content-Security-Policy and say where to sign in. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class DashboardPagesTest {

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicy() {
        given().get("/dashboard/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<title>Careweave dashboard</title>"))
                .header("Content-Security-Policy", allOf(
                        containsString("default-src 'none'"),
                        containsString("script-src 'self';"),
                        containsString("frame-ancestors 'none'"),
                        not(containsString("unsafe-inline")),
                        not(containsString("unsafe-eval"))))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY");
        given().get("/dashboard/js/app.js").then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .header("Content-Security-Policy", containsString("connect-src 'self' "));
    }

    @Test
    void theBarePathRedirectsToThePage() {
        given().redirects().follow(false).get("/dashboard").then()
                .statusCode(302)
                .header("Location", endsWith("/dashboard/"));
    }

    @Test
    void theConfigurationNamesTheRealmAndThePublicClient() {
        String realm = RestAssured.given().get("/dashboard/config.json").then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("clientId", equalTo("careweave-dashboard"))
                .extract().path("authServerUrl");
        // The browser may only talk to that realm's origin besides this one.
        String origin = realm.replaceAll("^(https?://[^/]+).*$", "$1");
        given().get("/dashboard/").then()
                .header("Content-Security-Policy", containsString("connect-src 'self' " + origin + ";"));
    }

    @Test
    void apiAnswersCarryNoPagePolicy() {
        given().get("/q/health/live").then()
                .statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.nullValue());
    }
}
