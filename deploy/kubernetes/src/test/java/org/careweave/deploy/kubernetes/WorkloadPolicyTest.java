package org.careweave.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/** What every Careweave workload must have, in every overlay, and what production adds. */
class WorkloadPolicyTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    private static final Pattern ROUTE_URL = Pattern.compile("careweave\\.gateway\\.routes\\.([^.]+)\\.url");
    private static final Pattern JDBC_DATABASE = Pattern.compile("jdbc:postgresql://([^:/]+):\\d+/([^?]+)\\?.*sslmode=verify-full.*");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyApplicationModuleRunsAsADeploymentWithAService(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<String> expected = ServiceModules.all().stream().map(ServiceModules.ServiceModule::name).sorted().toList();
        assertThat(expected).contains("gateway", "care-plan-service", "therapy-service", "prescription-service", "chat-service");
        assertThat(manifests.ofKind("Deployment").stream().map(Manifests::name).sorted().toList()).isEqualTo(expected);
        for (String name : expected) {
            JsonNode service = manifests.get("Service", name);
            assertThat(service.path("spec").path("selector").path("app.kubernetes.io/name").asText()).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerIsProbedLimitedAndLockedDown(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Duration shutdownTimeout = duration(manifests.get("ConfigMap", "careweave-common").path("data").path("QUARKUS_SHUTDOWN_TIMEOUT").asText());
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            String id = overlay + " " + Manifests.id(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(id + " mounts no token").isFalse();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(id + " runAsNonRoot").isTrue();
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).as(id).isEqualTo("RuntimeDefault");
            for (JsonNode container : pod.path("containers")) {
                String cid = id + " container " + container.path("name").asText();
                assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).as(cid).isEqualTo("/q/health/started");
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(cid).isEqualTo("/q/health/ready");
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(cid).isEqualTo("/q/health/live");
                JsonNode resources = container.path("resources");
                for (String field : List.of("requests", "limits")) {
                    assertThat(resources.path(field).path("cpu").isMissingNode()).as(cid + " " + field + ".cpu").isFalse();
                    assertThat(resources.path(field).path("memory").isMissingNode()).as(cid + " " + field + ".memory").isFalse();
                }
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(cid + " read-only root").isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(cid + " no privilege escalation").isFalse();
                assertThat(security.path("runAsNonRoot").asBoolean(pod.path("securityContext").path("runAsNonRoot").asBoolean()))
                        .as(cid + " non-root").isTrue();
                assertThat(security.path("capabilities").path("drop").toString()).as(cid + " drops all capabilities").contains("\"ALL\"");
                assertThat(security.path("capabilities").path("add").isMissingNode()).as(cid + " adds none").isTrue();
                assertThat(tmpIsEmptyDir(pod, container)).as(cid + " /tmp is a writable emptyDir").isTrue();
                String image = container.path("image").asText();
                assertThat(image).as(cid + " image").matches("careweave/[a-z-]+:[0-9][0-9A-Za-z.+-]*");

                long preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(0);
                long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
                // After the preStop sleep, Quarkus waits up to its shutdown timeout for in-flight work, then closes
                // Kafka clients and the pool: a kill before that would cut an inbox transaction or an outbox send.
                assertThat(preStop).as(cid + " preStop sleep").isPositive();
                assertThat(grace).as(cid + " terminationGracePeriodSeconds >= preStop + shutdown timeout + 15 s to close clients")
                        .isGreaterThanOrEqualTo(preStop + shutdownTimeout.toSeconds() + 15);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceHasItsOwnDatabaseRoleAndKafkaUser(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<JsonNode> roles = StreamSupport.stream(manifests.get("Cluster", "careweave-db").path("spec").path("managed").path("roles").spliterator(), false).toList();
        List<String> databasesSeen = new ArrayList<>();
        for (ServiceModules.ServiceModule service : ServiceModules.eventDriven()) {
            String name = service.name();
            Map<String, String> env = environment(manifests, name);
            Matcher jdbc = JDBC_DATABASE.matcher(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
            assertThat(jdbc.matches()).as(name + " JDBC URL over verified TLS: " + env.get("QUARKUS_DATASOURCE_JDBC_URL")).isTrue();
            assertThat(jdbc.group(1)).as(name + " talks to the primary").isEqualTo("careweave-db-rw");
            String database = jdbc.group(2);
            databasesSeen.add(database);

            JsonNode db = manifests.ofKind("Database").stream().filter(d -> database.equals(d.path("spec").path("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError(name + ": no Database " + database));
            String owner = db.path("spec").path("owner").asText();
            JsonNode role = roles.stream().filter(r -> owner.equals(r.path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no managed role " + owner));
            String passwordSecret = role.path("passwordSecret").path("name").asText();
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).as(name).isEqualTo("secret:" + passwordSecret + "/username");
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).as(name).isEqualTo("secret:" + passwordSecret + "/password");
            assertThat(env.get("KAFKA_SASL_JAAS_CONFIG")).as(name + " uses its own KafkaUser").isEqualTo("secret:" + name + "/sasl.jaas.config");
        }
        assertThat(databasesSeen).as("one database per service").doesNotHaveDuplicates().hasSize(4);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayRoutesEveryConfiguredRouteToAService(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        ServiceModules.ServiceModule gateway = ServiceModules.all().stream().filter(s -> s.name().equals("gateway")).findFirst().orElseThrow();
        Properties config = gateway.ownProperties();
        Map<String, String> env = environment(manifests, "gateway");
        int routes = 0;
        for (String key : config.stringPropertyNames()) {
            Matcher route = ROUTE_URL.matcher(key);
            if (route.matches() && !key.startsWith("%")) {
                routes++;
                String variable = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
                String url = env.get(variable);
                assertThat(url).as(overlay + ": " + variable + " overrides " + key).isNotNull();
                String host = url.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
                assertThat(manifests.find("Service", host)).as(overlay + ": " + key + " -> Service " + host).isPresent();
            }
        }
        assertThat(routes).isEqualTo(4);
    }

    @Test
    void productionRunsTwoOrMoreOfEverythingSpreadOverZones() {
        Manifests prod = Manifests.of("prod");
        for (JsonNode deployment : prod.ofKind("Deployment")) {
            String name = Manifests.name(deployment);
            // The autoscaler alone sets the count (it raises a Deployment below its minimum without waiting for metrics).
            assertThat(deployment.path("spec").has("replicas")).as(name + " leaves replicas to its autoscaler").isFalse();
            JsonNode hpa = prod.get("HorizontalPodAutoscaler", name);
            assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo(name);
            assertThat(hpa.path("spec").path("minReplicas").asInt()).as(name + " HPA min").isGreaterThanOrEqualTo(2);
            JsonNode pdb = prod.get("PodDisruptionBudget", name);
            assertThat(pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()).isEqualTo(name);
            JsonNode spread = deployment.path("spec").path("template").path("spec").path("topologySpreadConstraints");
            assertThat(StreamSupport.stream(spread.spliterator(), false)
                    .anyMatch(c -> c.path("topologyKey").asText().equals("topology.kubernetes.io/zone")
                            && c.path("whenUnsatisfiable").asText().equals("DoNotSchedule")))
                    .as(name + " spreads over zones").isTrue();
        }
        assertThat(prod.get("Cluster", "careweave-db").path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(prod.get("Keycloak", "careweave-keycloak").path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(prod.get("ScheduledBackup", "careweave-db-nightly").path("spec").path("cluster").path("name").asText()).isEqualTo("careweave-db");
    }

    @Test
    void devRunsOneOfEverything() {
        Manifests dev = Manifests.of("dev");
        dev.ofKind("Deployment").forEach(d -> assertThat(d.path("spec").path("replicas").asInt()).as(Manifests.id(d)).isEqualTo(1));
        assertThat(dev.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(dev.get("Cluster", "careweave-db").path("spec").path("instances").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewayIsExposed(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode ingress = manifests.get("Ingress", "careweave-api");
        assertThat(ingress.path("spec").path("tls").path(0).path("secretName").asText()).isNotEmpty();
        assertThat(ingress.path("spec").path("rules").findValues("service")).isNotEmpty()
                .allSatisfy(backend -> assertThat(backend.path("name").asText()).isEqualTo("gateway"));
        for (JsonNode service : manifests.ofKind("Service")) {
            assertThat(service.path("spec").path("type").asText("ClusterIP")).as(Manifests.id(service)).isEqualTo("ClusterIP");
        }
        JsonNode servicesIngress = manifests.get("NetworkPolicy", "backend-services-ingress");
        assertThat(servicesIngress.path("spec").path("ingress").findValues("podSelector").toString())
                .contains("gateway").doesNotContain("backend-service");
    }

    /** Environment of a Deployment's container: literal values from its ConfigMaps and env, secrets as secret:NAME/KEY. */
    static Map<String, String> environment(Manifests manifests, String deploymentName) {
        JsonNode container = manifests.get("Deployment", deploymentName).path("spec").path("template").path("spec").path("containers").path(0);
        Map<String, String> env = new java.util.TreeMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText(null);
            if (configMap != null) {
                manifests.get("ConfigMap", configMap).path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            env.put(variable.path("name").asText(), secret.isMissingNode()
                    ? variable.path("value").asText()
                    : "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
        }
        return env;
    }

    private static boolean tmpIsEmptyDir(JsonNode pod, JsonNode container) {
        Optional<String> volume = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(m -> m.path("mountPath").asText().equals("/tmp")).map(m -> m.path("name").asText()).findFirst();
        return volume.isPresent() && StreamSupport.stream(pod.path("volumes").spliterator(), false)
                .anyMatch(v -> v.path("name").asText().equals(volume.get()) && v.has("emptyDir"));
    }

    static Duration duration(String quarkusDuration) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(quarkusDuration);
        assertThat(m.matches()).as("duration " + quarkusDuration).isTrue();
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(value);
            case "s" -> Duration.ofSeconds(value);
            case "m" -> Duration.ofMinutes(value);
            default -> Duration.ofHours(value);
        };
    }
}
