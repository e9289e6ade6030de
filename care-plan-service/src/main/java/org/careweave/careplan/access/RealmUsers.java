package org.careweave.careplan.access;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Looks up a user's realm roles through the Keycloak admin API with this service's confidential client, so a
 * care team is only ever staffed with users who really are therapists or psychiatrists.
 */
@ApplicationScoped
public class RealmUsers {

    private static final Logger LOG = Logger.getLogger(RealmUsers.class);

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final String serverUrl;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private final Duration timeout;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.MIN;

    @Inject
    public RealmUsers(ObjectMapper mapper,
            @ConfigProperty(name = "careweave.keycloak.url") String serverUrl,
            @ConfigProperty(name = "careweave.keycloak.realm") String realm,
            @ConfigProperty(name = "careweave.keycloak.client-id") String clientId,
            @ConfigProperty(name = "careweave.keycloak.client-secret") String clientSecret,
            @ConfigProperty(name = "careweave.keycloak.timeout") Duration timeout) {
        this.mapper = mapper;
        this.serverUrl = serverUrl.replaceAll("/+$", "");
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The user's effective realm roles, or empty when no such user exists. */
    public Optional<Set<String>> realmRolesOf(String userId) {
        return adminGet("/users/" + enc(userId) + "/role-mappings/realm/composite", "role lookup")
                .map(roles -> StreamSupport.stream(roles.spliterator(), false)
                        .map(role -> role.path("name").asText()).collect(Collectors.toSet()));
    }

    /** The user's name as the realm has it ("first last", else the username), or empty when no such user exists. */
    public Optional<String> displayNameOf(String userId) {
        return adminGet("/users/" + enc(userId), "user lookup").map(user -> {
            String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
            return name.isEmpty() ? user.path("username").asText("") : name;
        });
    }

    /** GET on the realm's admin API; empty for 404, 503 problem for any other failure. */
    private Optional<JsonNode> adminGet(String pathInRealm, String what) {
        String path = "/admin/realms/" + enc(realm) + pathInRealm;
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(serverUrl + path))
                .header("Authorization", "Bearer " + serviceToken()).header("Accept", "application/json")
                .timeout(timeout).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw unavailable(what + " answered " + response.statusCode());
        }
        return Optional.of(read(response.body()));
    }

    private String serviceToken() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(serverUrl + "/realms/" + enc(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw unavailable("token request answered " + response.statusCode());
        }
        JsonNode body = read(response.body());
        token = body.path("access_token").asText();
        // Renew a little early so a token never expires between check and use.
        tokenExpires = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(60) - 10));
        return token;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private JsonNode read(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw unavailable("unreadable answer");
        }
    }

    private static ProblemException unavailable(String why) {
        LOG.warnf("Keycloak user directory unavailable: %s", why);
        return new ProblemException(503, "Service unavailable",
                "The user directory cannot be reached; try again shortly", List.of());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
