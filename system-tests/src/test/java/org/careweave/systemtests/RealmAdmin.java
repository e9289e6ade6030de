package org.careweave.systemtests;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Test users created through Keycloak's admin REST API (the master realm's bootstrap admin of the local stack), so
 * tests can have people the demo realm does not ship, without changing the demo realm file.
 */
final class RealmAdmin {

    static final String ADMIN_USER = System.getenv().getOrDefault("CAREWEAVE_KEYCLOAK_ADMIN", "admin");
    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("CAREWEAVE_KEYCLOAK_ADMIN_PASSWORD", "admin");

    private RealmAdmin() {
    }

    /**
     * The id (token subject) of a user with this username, the demo password and one realm role; created when missing.
     */
    static String user(String username, String realmRole) {
        String admin = adminToken();
        String base = Stack.KEYCLOAK + "/admin/realms/" + Stack.REALM;
        String id = find(admin, base, username);
        if (id == null) {
            Response created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("username", username, "enabled", true, "emailVerified", true,
                            "email", username + "@example.test", "firstName", "Test", "lastName", username,
                            "credentials", List.of(Map.of("type", "password", "value", Tokens.PASSWORD,
                                    "temporary", false))))
                    .post(base + "/users");
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("Keycloak refused user " + username + ": " + created.statusCode());
            }
            id = find(admin, base, username);
        }
        Map<String, Object> role = given().auth().oauth2(admin).get(base + "/roles/" + realmRole)
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role))
                .post(base + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        return id;
    }

    private static String find(String admin, String base, String username) {
        List<String> ids = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(base + "/users").then().statusCode(200).extract().path("id");
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static String adminToken() {
        return given().formParam("client_id", "admin-cli").formParam("grant_type", "password")
                .formParam("username", ADMIN_USER).formParam("password", ADMIN_PASSWORD)
                .post(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
