package org.careweave.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Real tokens of the local stack's Keycloak (password grant of the app client, as system-tests' Tokens) and the
 * bench's own users made through the admin REST API (as system-tests' RealmAdmin), so the demo realm file is unchanged.
 */
final class Keycloak {

    static final String URL = System.getenv().getOrDefault("CAREWEAVE_KEYCLOAK_URL", "http://localhost:8180");
    static final String PASSWORD = "careweave-demo";
    private static final String REALM = URL + "/realms/careweave";
    private static final String ADMIN = URL + "/admin/realms/careweave";
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile String adminToken;
    private volatile long adminTokenAt;

    /** A fresh access token (15 minutes), cached until {@link #refresh()}. */
    String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            Http.Response r = Http.form(REALM + "/protocol/openid-connect/token", Map.of("client_id", "careweave-app",
                    "grant_type", "password", "username", u, "password", PASSWORD), null);
            if (!r.ok()) {
                throw new IllegalStateException("no token for " + u + ": " + r.status() + " " + r.body());
            }
            return r.body().get("access_token").asText();
        });
    }

    /** Forget the cached tokens: a long run takes new ones before each phase. */
    void refresh() {
        tokens.clear();
        adminToken = null;
    }

    /** The id (subject) of a user with the demo password and this realm role; created when missing. */
    String user(String username, String realmRole) {
        String id = find(username);
        if (id == null) {
            Http.Response created = Http.call("POST", ADMIN + "/users", admin(), Map.of("username", username,
                    "enabled", true, "emailVerified", true, "email", username + "@example.test", "firstName", "Bench",
                    "lastName", username, "credentials",
                    List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
            if (!created.ok() && created.status() != 409) {
                throw new IllegalStateException("Keycloak refused user " + username + ": " + created.status());
            }
            id = find(username);
        }
        // also for an existing user: a run stopped between creating a user and mapping its role leaves it without
        JsonNode role = Http.call("GET", ADMIN + "/roles/" + realmRole, admin(), null).body();
        Http.Response mapped = Http.call("POST", ADMIN + "/users/" + id + "/role-mappings/realm", admin(), List.of(role));
        if (!mapped.ok()) {
            throw new IllegalStateException("role " + realmRole + " for " + username + ": " + mapped.status());
        }
        return id;
    }

    private String find(String username) {
        Http.Response r = Http.call("GET", ADMIN + "/users?exact=true&username=" + username, admin(), null);
        if (!r.ok()) {
            throw new IllegalStateException("Keycloak user search: " + r.status());
        }
        return r.body().isEmpty() ? null : r.body().get(0).get("id").asText();
    }

    private String admin() {
        String t = adminToken;
        // the master realm's admin tokens live 60 s: a long set-up outlives several
        if (t == null || System.nanoTime() - adminTokenAt > 40_000_000_000L) {
            Http.Response r = Http.form(URL + "/realms/master/protocol/openid-connect/token", Map.of("client_id",
                    "admin-cli", "grant_type", "password", "username", "admin", "password", "admin"), null);
            if (!r.ok()) {
                throw new IllegalStateException("Keycloak admin token: " + r.status());
            }
            t = adminToken = r.body().get("access_token").asText();
            adminTokenAt = System.nanoTime();
        }
        return t;
    }
}
