package org.careweave.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/** The realm reaches Keycloak through the operator; its demo users never reach production. */
class RealmImportTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void committedRealmImportIsTheOneGeneratedFromTheRealmFile(String overlay) throws IOException {
        Path file = Repository.overlay(overlay).resolve("realm-import.yaml");
        String generated = RealmImports.document(overlay);
        if (Boolean.getBoolean("careweave.realm.regenerate")) {
            Files.writeString(file, generated);
        }
        assertThat(Files.readString(file)).as(file + " is stale: " + RealmImports.HEADER).isEqualTo(generated);
    }

    @Test
    void noDemoUserReachesProduction() {
        JsonNode source = RealmImports.sourceRealm();
        List<String> demoMarks = new ArrayList<>();
        for (JsonNode user : source.path("users")) {
            if (RealmImports.isDemoUser(user)) {
                demoMarks.add(user.path("id").asText());
                demoMarks.add("username: " + user.path("username").asText());
                demoMarks.add(user.path("email").asText());
            }
        }
        assertThat(demoMarks).as("the realm file has demo users to keep out").hasSizeGreaterThanOrEqualTo(18);

        Manifests prod = Manifests.of("prod");
        JsonNode realm = prod.get("KeycloakRealmImport", "careweave-realm").path("spec").path("realm");
        assertThat(realm.path("users")).isNotEmpty().noneSatisfy(user -> assertThat(RealmImports.isDemoUser(user)).isTrue());
        assertThat(realm.path("users").findValuesAsText("username")).containsExactly("service-account-careweave-service");
        assertThat(prod.text).doesNotContain(demoMarks).doesNotContain("careweave-demo");
        assertThat(prod.text).as("dev client secrets").doesNotContain("careweave-service-secret", "careweave-api-secret");
        assertThat(RealmImports.client(realm, "careweave-app").path("directAccessGrantsEnabled").asBoolean(true))
                .as("no password grant in production").isFalse();
        assertThat(prod.text).doesNotContain("localhost");
    }

    @Test
    void devKeepsTheDemoUsersForTheApiTour() {
        JsonNode realm = Manifests.of("dev").get("KeycloakRealmImport", "careweave-realm").path("spec").path("realm");
        assertThat(realm.path("users").findValuesAsText("username")).contains("alice", "theo", "priya", "cora", "adam");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPlaceholderInTheRealmComesFromASecret(String overlay) {
        JsonNode spec = Manifests.of(overlay).get("KeycloakRealmImport", "careweave-realm").path("spec");
        Matcher m = PLACEHOLDER.matcher(spec.path("realm").toString());
        List<String> used = new ArrayList<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        for (String name : used) {
            assertThat(spec.path("placeholders").path(name).path("secret").path("name").asText())
                    .as(overlay + " placeholder " + name).isEqualTo(RealmImports.CLIENT_SECRETS);
        }
        for (JsonNode client : spec.path("realm").path("clients")) {
            if (!client.path("publicClient").asBoolean(false) && client.has("secret")) {
                assertThat(client.path("secret").asText()).as(client.path("clientId").asText()).matches("\\$\\{[A-Z0-9_]+}");
            }
        }
    }
}
