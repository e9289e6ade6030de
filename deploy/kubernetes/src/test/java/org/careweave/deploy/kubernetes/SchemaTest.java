package org.careweave.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Every rendered object is valid for the Kubernetes API or its operator's CRD. */
class SchemaTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectMatchesItsSchema(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<String> violations = new ArrayList<>();
        for (JsonNode object : manifests.objects) {
            if (KubernetesSchemas.isBuiltIn(object)) {
                KubernetesSchemas.violation(object).ifPresent(v -> violations.add(Manifests.id(object) + ": " + v));
            } else {
                CustomResourceSchemas.violations(object).forEach(v -> violations.add(Manifests.id(object) + ": " + v));
            }
        }
        assertThat(manifests.objects).as("rendered objects").hasSizeGreaterThan(30);
        assertThat(violations).as(overlay + " schema violations").isEmpty();
    }

    @Test
    void aMisspeltOrMissingKubernetesFieldIsCaught() {
        JsonNode deployment = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          readinessProbe: {httpGet: {path: /q/health/ready, port: 8080}, periodSecond: 5}
                """).get(0);
        assertThat(KubernetesSchemas.violation(deployment)).get().asString().contains("periodSecond");

        JsonNode nameless = Manifests.parse("""
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec: {ports: [{name: http}]}
                """).get(0);
        assertThat(KubernetesSchemas.violation(nameless)).get().asString().contains("port");
    }

    @Test
    void aMisspeltOrOutdatedOperatorFieldIsCaught() {
        JsonNode topic = Manifests.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitons: 3, replicas: 3}
                """).get(0);
        assertThat(CustomResourceSchemas.violations(topic)).anySatisfy(v -> assertThat(v).contains("partitons"));

        // v1beta2's single "operation" is gone in kafka.strimzi.io/v1.
        JsonNode user = Manifests.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: u}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls: [{resource: {type: topic, name: t}, operation: Read}]
                """).get(0);
        assertThat(CustomResourceSchemas.violations(user)).isNotEmpty();

        JsonNode database = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Database
                metadata: {name: d}
                spec: {name: d, owner: d, cluster: {name: c}, ensure: maybe}
                """).get(0);
        assertThat(CustomResourceSchemas.violations(database)).anySatisfy(v -> assertThat(v).contains("ensure"));

        JsonNode keycloak = Manifests.parse("""
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: k}
                spec: {db: {vendor: postgres, usernameSecret: {name: s}}}
                """).get(0);
        assertThat(CustomResourceSchemas.violations(keycloak)).anySatisfy(v -> assertThat(v).contains("key"));

        JsonNode unknown = Manifests.parse("""
                apiVersion: example.com/v1
                kind: Thing
                metadata: {name: t}
                """).get(0);
        assertThat(CustomResourceSchemas.violations(unknown)).containsExactly("no CRD schema for example.com/v1 Thing");
    }
}
