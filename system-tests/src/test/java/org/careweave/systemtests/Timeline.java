package org.careweave.systemtests;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/** A care plan's whole timeline, every page of it: a patient written to by the fault drills has hundreds of entries. */
final class Timeline {

    private Timeline() {
    }

    /** Every entry, oldest first, as {@code user} reads them at {@code baseUri} (the gateway or a service). */
    static List<Map<String, Object>> of(String user, String baseUri, String planId) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            Response response = given().auth().oauth2(Tokens.of(user)).baseUri(baseUri)
                    .queryParam("limit", 500).queryParam("page", page)
                    .get("/api/care-plans/{id}/timeline", planId);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("timeline answered " + response.statusCode());
            }
            entries.addAll(response.jsonPath().getList("$"));
            if (response.header("X-Next-Page") == null) {
                return entries;
            }
        }
    }

    static List<Object> kinds(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> entry.get("kind")).toList();
    }
}
