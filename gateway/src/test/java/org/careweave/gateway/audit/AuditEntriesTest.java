package org.careweave.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/** {@code GET /api/audit-entries}: every service's audit trail merged by time, for admins only. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
@QuarkusTestResource(value = AuditTrailStandIns.class, restrictToAnnotatedClass = true)
class AuditEntriesTest {

    private static final String ADMIN = Tokens.of("ada", "admin");

    /** Every entry of both services, newest first, as the services would write them (id left out). */
    private static List<String> expected() {
        List<JsonObject> all = new ArrayList<>();
        AuditTrailStandIns.SERVICES.forEach(service -> AuditTrailStandIns.entries(service)
                .forEach(e -> all.add(e.copy().put("service", service))));
        all.sort(Comparator.comparing((JsonObject e) -> Instant.parse(e.getString("occurredAt")))
                .thenComparing(e -> e.getString("service")).thenComparing(e -> e.getLong("id")).reversed());
        return all.stream().map(e -> e.getString("service") + "#" + e.getLong("id")).toList();
    }

    @Test
    void cursorPagesWalkEveryServicesEntriesNewestFirstWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(ADMIN).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/audit-entries").then().statusCode(200)
                    .contentType("application/json").extract().jsonPath();
            List<String> services = page.getList("entries.service", String.class);
            List<String> times = page.getList("entries.occurredAt", String.class);
            List<String> subjects = page.getList("entries.subject", String.class);
            for (int i = 0; i < services.size(); i++) {
                // The id stays inside the cursor; subject and time identify the stand-in's entry here.
                seen.add(services.get(i) + "@" + times.get(i) + "@" + subjects.get(i));
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        assertEquals(14, seen.size(), "every entry once: " + seen);
        assertEquals(seen.stream().distinct().count(), seen.size(), "no entry twice");
        List<Instant> times = seen.stream().map(s -> Instant.parse(s.split("@")[1])).toList();
        assertEquals(times.stream().sorted(Comparator.reverseOrder()).toList(), times, "newest first");
        assertEquals(expected().size(), seen.size());
    }

    @Test
    void filtersReachEveryService() {
        given().auth().oauth2(ADMIN).queryParam("patientId", "p1").queryParam("actor", "theo")
                .get("/api/audit-entries").then().statusCode(200)
                .body("entries", hasSize(4))
                .body("entries.patientId", everyItem(equalTo("p1")))
                .body("entries.service", everyItem(equalTo("audit-a")))
                .body("nextCursor", nullValue());
        given().auth().oauth2(ADMIN).queryParam("action", "EXPORT").get("/api/audit-entries").then()
                .statusCode(200)
                .body("entries.service", contains("audit-b", "audit-a"));
    }

    @Test
    void ndjsonExportsEveryMatchingEntryOneALine() {
        String body = given().auth().oauth2(ADMIN).accept("application/x-ndjson").get("/api/audit-entries").then()
                .statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> lines = body.lines().toList();
        assertEquals(14, lines.size());
        List<Instant> times = lines.stream().map(l -> Instant.parse(new JsonObject(l).getString("occurredAt"))).toList();
        assertEquals(times.stream().sorted(Comparator.reverseOrder()).toList(), times);
        assertFalse(body.contains("\"id\""), "service ids stay inside the gateway");
    }

    @Test
    void onlyAdminsAndOnlyWithATokenAndValidParameters() {
        given().auth().oauth2(Tokens.of("cora", "care-coordinator")).get("/api/audit-entries").then()
                .statusCode(403).contentType("application/problem+json");
        given().get("/api/audit-entries").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).queryParam("limit", 501).queryParam("from", "yesterday")
                .get("/api/audit-entries").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("from", "limit"));
        given().auth().oauth2(ADMIN).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/audit-entries").then()
                .statusCode(400).body("errors.field", contains("cursor"));
    }

    @Test
    void aServicesRefusalOfTheQueryReachesTheCallerAsIs() {
        // The gateway passes the filter on; the services refuse a NUL: the caller's 400, not the gateway's 503.
        given().auth().oauth2(ADMIN).urlEncodingEnabled(false).get("/api/audit-entries?actor=a%00b").then()
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("actor"));
        given().auth().oauth2(ADMIN).accept("application/x-ndjson").urlEncodingEnabled(false)
                .get("/api/audit-entries?actor=a%00b").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
