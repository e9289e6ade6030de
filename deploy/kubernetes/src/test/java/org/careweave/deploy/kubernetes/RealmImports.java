package org.careweave.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The overlays' KeycloakRealmImport documents, derived from the one realm file deploy/keycloak/careweave-realm.json.
 * Both replace the dev client secrets with placeholders that the Keycloak operator fills from the Secret
 * careweave-keycloak-clients. Production also drops the demo users (attribute demo=true), turns off the password
 * grant and points the app client at the production web origin.
 */
final class RealmImports {

    static final String CLIENT_SECRETS = "careweave-keycloak-clients";
    static final String HEADER = """
            # GENERATED from deploy/keycloak/careweave-realm.json by RealmImportTest: do not edit. After changing the realm
            # file, regenerate: ./mvnw -B -pl deploy/kubernetes -am verify -Dtest=RealmImportTest \\
            #   -Dsurefire.failIfNoSpecifiedTests=false -Dcareweave.realm.regenerate=true
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    /** Confidential clients and the Secret key holding each one's secret. */
    private static final List<String[]> CONFIDENTIAL = List.of(
            new String[] {"careweave-service", "CAREWEAVE_SERVICE_CLIENT_SECRET", "service-client-secret"},
            new String[] {"careweave-api", "CAREWEAVE_API_CLIENT_SECRET", "api-client-secret"});

    private RealmImports() {
    }

    static JsonNode sourceRealm() {
        try {
            return JSON.readTree(Repository.REALM.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String document(String overlay) {
        ObjectNode realm = sourceRealm().deepCopy();
        ObjectNode placeholders = JSON.createObjectNode();
        for (JsonNode client : realm.path("clients")) {
            for (String[] confidential : CONFIDENTIAL) {
                if (confidential[0].equals(client.path("clientId").asText())) {
                    ((ObjectNode) client).put("secret", "${" + confidential[1] + "}");
                    String description = client.path("description").asText("");
                    if (!description.isEmpty()) {
                        ((ObjectNode) client).put("description", description.replaceAll(
                                "\\s*The secret \\S+ is for LOCAL DEVELOPMENT ONLY[^.]*\\.",
                                " Its secret comes from the Secret " + CLIENT_SECRETS + "."));
                    }
                    placeholders.putObject(confidential[1]).putObject("secret").put("name", CLIENT_SECRETS).put("key", confidential[2]);
                }
            }
        }
        ObjectNode app = (ObjectNode) client(realm, "careweave-app");
        // The provider dashboard is served by the gateway, under the API's host.
        ObjectNode dashboard = (ObjectNode) client(realm, "careweave-dashboard");
        switch (overlay) {
            case "prod" -> {
                for (Iterator<JsonNode> users = realm.withArrayProperty("users").iterator(); users.hasNext();) {
                    if (isDemoUser(users.next())) {
                        users.remove();
                    }
                }
                app.put("directAccessGrantsEnabled", false);
                app.set("redirectUris", JSON.createArrayNode().add("https://app.careweave.example/*"));
                app.set("webOrigins", JSON.createArrayNode().add("https://app.careweave.example"));
                app.put("rootUrl", "https://app.careweave.example");
                app.withObjectProperty("attributes").put("post.logout.redirect.uris", "https://app.careweave.example/*");
                dashboard.set("redirectUris", JSON.createArrayNode().add("https://api.careweave.example/dashboard/*"));
                dashboard.set("webOrigins", JSON.createArrayNode().add("https://api.careweave.example"));
                dashboard.put("rootUrl", "https://api.careweave.example");
                dashboard.withObjectProperty("attributes").put("post.logout.redirect.uris",
                        "https://api.careweave.example/dashboard/*");
            }
            case "dev" -> {
                app.withArrayProperty("redirectUris").add("https://app.dev.careweave.example/*");
                app.withArrayProperty("webOrigins").add("https://app.dev.careweave.example");
                dashboard.withArrayProperty("redirectUris").add("https://api.dev.careweave.example/dashboard/*");
                dashboard.withArrayProperty("webOrigins").add("https://api.dev.careweave.example");
            }
            default -> throw new IllegalArgumentException(overlay);
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        doc.put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", "careweave-realm");
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", "careweave-keycloak");
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        try {
            return HEADER + YAML.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isDemoUser(JsonNode user) {
        return user.path("attributes").path("demo").toString().contains("true");
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
