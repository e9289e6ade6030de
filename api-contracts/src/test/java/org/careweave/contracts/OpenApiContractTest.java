package org.careweave.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
