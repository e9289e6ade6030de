package org.careweave.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.json.JsonObject;

/**
 * The merged OpenAPI document passes Spectral's OpenAPI rules and the OWASP API Security ruleset (.spectral.yaml)
 * without a single error; warnings are printed.
 */
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every 4xx and 5xx answer of every operation is the one problem+json contract of components. */
    @Test
    void everyErrorAnswerIsTheSharedProblemContract() throws Exception {
        JsonNode document = JSON.readTree(MergedOpenApi.build().encode());
        List<String> wrong = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            String where = method.getKey().toUpperCase() + " " + path.getKey();
            if (!operationIds.add(operation.path("operationId").asText(where))) {
                wrong.add(where + ": operationId " + operation.get("operationId") + " is used twice");
            }
            operation.path("security").forEach(requirement -> requirement.fields().forEachRemaining(scheme -> {
                if (!scheme.getValue().isEmpty()) {
                    wrong.add(where + ": scopes " + scheme.getValue() + " (roles are not OAuth scopes)");
                }
            }));
            operation.get("responses").fields().forEachRemaining(answer -> {
                if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                    JsonNode response = resolve(document, answer.getValue());
                    String schema = response.at("/content/application~1problem+json/schema/$ref").asText();
                    if (!schema.equals("#/components/schemas/Problem") || response.get("content").size() != 1) {
                        wrong.add(where + " " + answer.getKey() + " is not problem+json: " + response);
                    }
                }
            });
            boolean secured = !operation.has("security") || operation.get("security").size() > 0;
            for (String code : secured ? List.of("401", "429", "500") : List.of("429", "500")) {
                if (!operation.get("responses").has(code)) {
                    wrong.add(where + " does not document " + code);
                }
            }
        }));
        assertEquals(List.of(), wrong);
        List<String> problemSchemas = new ArrayList<>();
        document.at("/components/schemas").fieldNames().forEachRemaining(name -> {
            if (name.equals("Problem") || name.endsWith(".Problem")) {
                problemSchemas.add(name);
            }
        });
        assertEquals(List.of("Problem"), problemSchemas, "every service publishes the same Problem: one schema");
        assertTrue(document.get("servers").size() > 0, "servers are named");
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    @Test
    void spectralFindsNoErrorsInTheMergedDocument() throws Exception {
        NodeTools.install();
        JsonObject merged = MergedOpenApi.build();
        Path out = Path.of(System.getProperty("careweave.contracts.out", "target/contracts"));
        Files.createDirectories(out);
        Path document = out.resolve("openapi.json");
        Files.writeString(document, merged.encodePrettily());

        NodeTools.Result result = NodeTools.run(List.of("node_modules/.bin/spectral", "lint", document.toString(),
                "--ruleset", ".spectral.yaml", "--format", "json", "--fail-severity", "error", "--quiet"), 300);
        JsonNode findings = JSON.readTree(result.output().isBlank() ? "[]" : result.output());
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        StringBuilder errorList = new StringBuilder();
        findings.forEach(finding -> {
            String code = finding.get("code").asText();
            if (finding.get("severity").asInt() == 0) {
                errors.merge(code, 1, Integer::sum);
                errorList.append("\n  ").append(code).append(" at ").append(finding.get("path")).append(": ")
                        .append(finding.get("message").asText());
            } else if (finding.get("severity").asInt() == 1) {
                warnings.merge(code, 1, Integer::sum);
            }
        });
        System.out.printf("FIGURE Spectral (spectral:oas + OWASP) on %s: %d errors %s, %d warnings %s%n", document,
                errors.values().stream().mapToInt(Integer::intValue).sum(), errors,
                warnings.values().stream().mapToInt(Integer::intValue).sum(), warnings);
        assertTrue(errors.isEmpty(), "Spectral errors:" + errorList);
        assertEquals(0, result.exit(), "spectral exit code");
    }
}
