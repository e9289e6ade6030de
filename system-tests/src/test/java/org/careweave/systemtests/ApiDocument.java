package org.careweave.systemtests;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The operations of the merged OpenAPI document the gateway serves at /api/openapi. */
final class ApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final JsonNode root;

    private ApiDocument(JsonNode root) {
        this.root = root;
    }

    static ApiDocument served() {
        String body = given().get(Stack.GATEWAY + "/api/openapi").then().statusCode(200).extract().asString();
        try {
            return new ApiDocument(JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException("/api/openapi is not JSON", e);
        }
    }

    /** Every operation, in document order. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode list : List.of(path.getValue().path("parameters"), op.path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode resolved = resolve(p);
                        parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                                resolved.path("required").asBoolean(false), resolve(resolved.path("schema"))));
                    }
                }
                JsonNode body = resolve(op.path("requestBody"));
                JsonNode bodySchema = body.isMissingNode() ? MissingNode.getInstance()
                        : resolve(body.path("content").path("application/json").path("schema"));
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters,
                        !body.isMissingNode(), body.path("required").asBoolean(false), bodySchema));
            }
        }
        return operations;
    }

    /** The node itself, or the component a {@code $ref} names. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            current = root.at(ref.substring(1));
        }
        return current;
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, boolean hasBody, boolean bodyRequired,
            JsonNode bodySchema) {

        /** How the matrix table names it: {@code POST /api/prescriptions/{id}/discontinue}. */
        String key() {
            return method + " " + path;
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }
}
