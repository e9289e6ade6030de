package org.careweave.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class OpenApiMergerTest {

    private final OpenApiMerger merger = new OpenApiMerger("T", "1",
            (path, service) -> path.startsWith("/api/" + service),
            new GatewayContract("https://api.example", "production", "https://id.example/.well-known/openid-configuration"));

    @Test
    void clashingComponentsAreRenamedWithTheirReferences() {
        JsonObject merged = merger.merge(List.of(
                ServiceDocument.of("a", document("/api/a/x", "integer")),
                ServiceDocument.of("b", document("/api/b/y", "string")),
                ServiceDocument.of("c", document("/api/c/z", "integer"))), new JsonObject());
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals("integer", schemas.getJsonObject("Thing").getString("type"));
        assertEquals("string", schemas.getJsonObject("b.Thing").getString("type"));
        assertFalse(schemas.containsKey("c.Thing"), "an identical component is shared, not copied");
        assertEquals("#/components/schemas/b.Thing", merged.getJsonObject("paths").getJsonObject("/api/b/y")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals("#/components/schemas/Thing", merged.getJsonObject("paths").getJsonObject("/api/c/z")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
    }

    @Test
    void pathsTheGatewayDoesNotRouteAreLeftOutAndMissingServicesNoted() {
        JsonObject merged = merger.merge(List.of(
                ServiceDocument.of("a", document("/internal/a", "integer")),
                ServiceDocument.missing("b", "ConnectException")), new JsonObject());
        assertTrue(merged.getJsonObject("paths").isEmpty());
        assertTrue(merged.getJsonObject("info").getString("description").contains("the b service's document"));
    }

    @Test
    void anOperationIdAnotherServiceUsesGetsTheServicesName() {
        JsonObject merged = merger.merge(List.of(
                ServiceDocument.of("a", document("/api/a/x", "integer")),
                ServiceDocument.of("care-plan", document("/api/care-plan/y", "integer"))), new JsonObject());
        assertEquals("list", merged.getJsonObject("paths").getJsonObject("/api/a/x").getJsonObject("get")
                .getString("operationId"));
        assertEquals("carePlanList", merged.getJsonObject("paths").getJsonObject("/api/care-plan/y")
                .getJsonObject("get").getString("operationId"));
    }

    @Test
    void everyAnswerCarriesTheRateLimitHeadersAndEveryOperationThe429() {
        JsonObject operation = merger.merge(List.of(ServiceDocument.of("a", document("/api/a/x", "integer"))),
                new JsonObject()).getJsonObject("paths").getJsonObject("/api/a/x").getJsonObject("get");
        assertEquals("#/components/responses/TooManyRequests",
                operation.getJsonObject("responses").getJsonObject("429").getString("$ref"));
        assertTrue(operation.getJsonObject("responses").getJsonObject("200").getJsonObject("headers")
                .containsKey("RateLimit-Remaining"));
    }

    private static JsonObject document(String path, String type) {
        return new JsonObject("""
                {"openapi":"3.0.3","info":{"title":"s","version":"1"},
                 "paths":{"%s":{"get":{"operationId":"list","responses":{"200":{"description":"OK","content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/Thing"}}}}}}}},
                 "components":{"schemas":{"Thing":{"type":"%s"}}}}
                """.formatted(path, type));
    }
}
