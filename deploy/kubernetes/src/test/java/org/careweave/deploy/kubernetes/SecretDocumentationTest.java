package org.careweave.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** No Secret is committed, so every Secret the manifests name must be explained in the runbook. */
class SecretDocumentationTest {

    @Test
    void noSecretIsCommitted() {
        for (String overlay : Manifests.OVERLAYS) {
            assertThat(Manifests.of(overlay).ofKind("Secret")).as(overlay).isEmpty();
        }
    }

    @Test
    void everyReferencedSecretIsDocumented() throws IOException {
        Set<String> referenced = new TreeSet<>();
        for (String overlay : Manifests.OVERLAYS) {
            for (JsonNode object : Manifests.of(overlay).objects) {
                if (!"KeycloakRealmImport".equals(object.path("kind").asText())) {
                    collect(object, referenced);
                } else {
                    collect(object.path("spec").path("placeholders"), referenced);
                }
            }
        }
        assertThat(referenced).as("secrets the manifests name").contains("careweave-db-careplan", "care-plan-service",
                "careweave-keycloak-clients", "careweave-api-tls", "careweave-keycloak-bootstrap-admin", "careweave-backup-s3");
        String readme = Files.readString(Repository.README);
        assertThat(referenced).allSatisfy(name -> assertThat(readme).as("README names `" + name + "`").contains("`" + name + "`"));
    }

    /**
     * Secret names wherever Kubernetes or an operator takes one: {@code secretKeyRef}, {@code secretRef}, secret volumes and
     * TLS ({@code secretName}), and the operators' fields whose name ends in "secret" (an object with a name, or a name).
     */
    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey().toLowerCase();
                JsonNode value = field.getValue();
                if (key.equals("secretname") && value.isTextual()) {
                    names.add(value.asText());
                } else if ((key.endsWith("secret") || key.equals("secretkeyref") || key.equals("secretref")
                        || key.equals("accesskeyid") || key.equals("secretaccesskey"))) {
                    if (value.isTextual()) {
                        names.add(value.asText());
                    } else if (value.path("name").isTextual()) {
                        names.add(value.path("name").asText());
                    }
                }
                collect(value, names);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }
}
