package org.careweave.gateway.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The OpenAPI document a stand-in publishes at {@code /q/openapi}: one path per service under its route, one path
 * the gateway does not route to it, and a {@code Problem} schema that differs per service (so the merge must rename).
 */
public final class StandInDocuments {

    private StandInDocuments() {
    }

    /** The documented path of each stand-in, under its route's prefix. */
    public static String pathOf(String service) {
        return switch (service) {
            case "care-plan" -> "/api/care-plans/{id}";
            case "therapy" -> "/api/therapy/sessions";
            case "prescription" -> "/api/prescriptions/{id}";
            case "chat" -> "/api/chat/conversations";
            case "slow" -> StandInServices.SLOW_PREFIX + "/work";
            case "limited" -> StandInServices.LIMITED_PREFIX + "/things";
            default -> "/api/" + service + "/things";
        };
    }

    static JsonObject openApi(String service) {
        JsonObject problemRef = new JsonObject().put("$ref", "#/components/schemas/Problem");
        JsonObject get = new JsonObject()
                .put("operationId", "get-" + service)
                .put("tags", new JsonArray().add(service))
                .put("responses", new JsonObject()
                        .put("200", new JsonObject().put("description", "OK"))
                        .put("404", new JsonObject().put("description", "Not found")
                                .put("content", new JsonObject().put("application/problem+json",
                                        new JsonObject().put("schema", problemRef)))));
        String path = pathOf(service);
        if (path.contains("{id}")) {
            get.put("parameters", new JsonArray().add(new JsonObject().put("name", "id").put("in", "path")
                    .put("required", true).put("schema", new JsonObject().put("type", "string"))));
        }
        return new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", service).put("version", "1"))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "http://internal:8080")))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)))
                .put("paths", new JsonObject()
                        .put("/internal/" + service, new JsonObject().put("get", get.copy()
                                .put("operationId", "internal-" + service).put("parameters", new JsonArray())))
                        .put(path, new JsonObject().put("get", get)))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Problem", new JsonObject().put("type", "object")
                                .put("description", "Problem as the " + service + " service writes it")
                                .put("properties", new JsonObject().put("status",
                                        new JsonObject().put("type", "integer"))))));
    }
}
