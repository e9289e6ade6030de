package org.careweave.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks custom resources against the operators' CRD schemas in {@code deploy/kubernetes/schemas} (see
 * SOURCES.md there). The API server prunes or, with kubectl's strict field validation, rejects fields a
 * structural schema does not declare; here every object schema that declares properties is closed the same
 * way, so a misspelt or removed field fails. CEL rules (x-kubernetes-validations) are not evaluated.
 */
final class CustomResourceSchemas {

    /** apiVersion to the folder of the operator release whose CRDs the overlays target. */
    static final Map<String, String> FOLDERS = Map.of(
            "kafka.strimzi.io/v1", "strimzi-1.2.0",
            "postgresql.cnpg.io/v1", "cloudnative-pg-1.30.0",
            "barmancloud.cnpg.io/v1", "plugin-barman-cloud",
            "k8s.keycloak.org/v2alpha1", "keycloak-operator-26.5",
            "monitoring.coreos.com/v1", "prometheus-operator-0.93.0");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Draft 7 plus the Kubernetes extensions, which only the API server acts on. */
    private static final JsonSchemaFactory FACTORY = factory();
    private static final Map<Path, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private CustomResourceSchemas() {
    }

    /** The violations of {@code object}'s CRD schema; one entry when there is no schema for it. */
    static List<String> violations(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String folder = FOLDERS.get(apiVersion);
        Path file = folder == null ? null : Repository.SCHEMAS.resolve(folder).resolve(object.path("kind").asText() + ".json");
        if (file == null || !Files.isRegularFile(file)) {
            return List.of("no CRD schema for " + apiVersion + " " + object.path("kind").asText());
        }
        Set<ValidationMessage> messages = SCHEMAS.computeIfAbsent(file, CustomResourceSchemas::load).validate(object);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    private static JsonSchema load(Path file) {
        try {
            JsonNode schema = JSON.readTree(file.toFile());
            return FACTORY.getSchema(closeObjects(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds additionalProperties=false wherever the schema lists properties and leaves nothing else open. */
    static JsonNode closeObjects(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode node = (ObjectNode) schema;
            if (node.has("properties") && !node.has("additionalProperties")
                    && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                node.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                closeObjects(fields.next().getValue());
            }
        } else if (schema.isArray()) {
            schema.forEach(CustomResourceSchemas::closeObjects);
        }
        return schema;
    }

    private static JsonSchemaFactory factory() {
        JsonMetaSchema draft7 = JsonMetaSchema.getV7();
        JsonMetaSchema.Builder meta = JsonMetaSchema.builder(draft7.getIri(), draft7);
        for (String keyword : List.of("x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
                "x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
                "x-kubernetes-map-type", "x-kubernetes-embedded-resource", "example", "nullable")) {
            meta.keyword(new NonValidationKeyword(keyword));
        }
        JsonMetaSchema kubernetes = meta.build();
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                .metaSchema(kubernetes)
                .defaultMetaSchemaIri(kubernetes.getIri())
                .build();
    }
}
