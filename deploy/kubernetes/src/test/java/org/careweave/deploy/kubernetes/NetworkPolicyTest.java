package org.careweave.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may talk to Careweave's workloads and whom they may reach, read from the NetworkPolicies that select them
 * (policies are additive: the union of their rules is what is allowed).
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void workloadsAreClosedByDefault(String overlay) {
        JsonNode deny = Manifests.of(overlay).get("NetworkPolicy", "careweave-default-deny").path("spec");
        assertThat(deny.path("policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(deny.has("ingress") || deny.has("egress")).isFalse();
        assertThat(selects(deny, "backend-service")).isTrue();
        assertThat(selects(deny, "gateway")).isTrue();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheIngressControllerAndMonitoringReachTheGateway(String overlay) {
        assertThat(peers(overlay, "gateway", "ingress")).containsExactlyInAnyOrder(
                "namespace:kubernetes.io/metadata.name=ingress-nginx", "namespace:kubernetes.io/metadata.name=monitoring");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesAnswerOnlyTheGatewayAndMonitoring(String overlay) {
        assertThat(peers(overlay, "backend-service", "ingress")).containsExactlyInAnyOrder(
                "pod:app.kubernetes.io/component=gateway", "namespace:kubernetes.io/metadata.name=monitoring");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesReachOnlyKafkaPostgresKeycloakAndDns(String overlay) {
        assertThat(peers(overlay, "backend-service", "egress")).containsExactlyInAnyOrder(
                "namespace:kubernetes.io/metadata.name=kube-system+pod:k8s-app=kube-dns",
                "pod:app.kubernetes.io/instance=careweave-keycloak,app=keycloak",
                "pod:strimzi.io/broker-role=true,strimzi.io/cluster=careweave-kafka",
                "pod:cnpg.io/cluster=careweave-db");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayReachesOnlyTheServicesKeycloakAndDns(String overlay) {
        assertThat(peers(overlay, "gateway", "egress")).containsExactlyInAnyOrder(
                "namespace:kubernetes.io/metadata.name=kube-system+pod:k8s-app=kube-dns",
                "pod:app.kubernetes.io/instance=careweave-keycloak,app=keycloak",
                "pod:app.kubernetes.io/component=backend-service");
    }

    /** Peers allowed in one direction for pods of a component, over every policy that selects them. */
    private static Set<String> peers(String overlay, String component, String direction) {
        Set<String> peers = new TreeSet<>();
        for (JsonNode policy : Manifests.of(overlay).ofKind("NetworkPolicy")) {
            JsonNode spec = policy.path("spec");
            if (!selects(spec, component)) {
                continue;
            }
            for (JsonNode rule : spec.path(direction)) {
                JsonNode list = rule.path(direction.equals("ingress") ? "from" : "to");
                assertThat(list.isEmpty()).as(Manifests.id(policy) + ": a rule without peers allows everyone").isFalse();
                for (JsonNode peer : list) {
                    assertThat(peer.has("ipBlock")).as(Manifests.id(policy) + ": no address ranges").isFalse();
                    String namespace = peer.has("namespaceSelector") ? "namespace:" + labels(peer.path("namespaceSelector")) : "";
                    String pod = peer.has("podSelector") ? "pod:" + labels(peer.path("podSelector")) : "";
                    peers.add(namespace.isEmpty() ? pod : pod.isEmpty() ? namespace : namespace + "+" + pod);
                }
            }
        }
        return peers;
    }

    private static boolean selects(JsonNode spec, String component) {
        JsonNode selector = spec.path("podSelector");
        if (component.equals(selector.path("matchLabels").path("app.kubernetes.io/component").asText())) {
            return true;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            if (expression.path("key").asText().equals("app.kubernetes.io/component")
                    && expression.path("operator").asText().equals("In")
                    && expression.path("values").toString().contains("\"" + component + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static String labels(JsonNode selector) {
        assertThat(selector.has("matchExpressions")).as("peers are matched by labels only").isFalse();
        Set<String> pairs = new TreeSet<>();
        selector.path("matchLabels").fields().forEachRemaining(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
        assertThat(pairs).as("an empty selector would allow every pod or namespace").isNotEmpty();
        return String.join(",", pairs);
    }
}
