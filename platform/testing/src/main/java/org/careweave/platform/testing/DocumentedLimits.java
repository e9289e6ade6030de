package org.careweave.platform.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Requests derived from a service's OpenAPI document, one per documented limit of an input (a query parameter or a
 * request-body field, nested ones included): the value just beyond it (maxLength + 1 characters, maximum + 1,
 * minimum - 1, maxItems + 1 items). The service must refuse each with 400 problem+json naming the field.
 */
public final class DocumentedLimits {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** One request over one limit; {@code field} is how the problem's {@code errors} name it. */
    public record OverLimit(String method, String path, Map<String, String> query, JsonNode body, String field,
            String limit) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " " + field + " beyond " + limit;
        }
    }

    private final JsonNode document;
    private final List<OverLimit> requests = new ArrayList<>();

    private DocumentedLimits(JsonNode document) {
        this.document = document;
    }

    public static List<OverLimit> of(String openApiJson) {
        try {
            DocumentedLimits limits = new DocumentedLimits(MAPPER.readTree(openApiJson));
            limits.collect();
            return limits.requests;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not an OpenAPI JSON document", e);
        }
    }

    private void collect() {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                // Any id will do: the limit is checked before the record is looked up.
                String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.path("in").asText().equals("query")) {
                        String name = parameter.get("name").asText();
                        for (Beyond beyond : beyond(resolve(parameter.path("schema")))) {
                            Map<String, String> query = requiredQuery(operation);
                            query.put(name, beyond.value().asText());
                            requests.add(new OverLimit(method, concrete, query, null, name, beyond.limit()));
                        }
                    }
                }
                JsonNode body = resolve(operation.at("/requestBody/content/application~1json/schema"));
                if (!body.isMissingNode()) {
                    bodyFields(method, concrete, body, List.of());
                }
            }
        }
    }

    /** A valid value for every required query parameter, so that the one over its limit is the only error. */
    private Map<String, String> requiredQuery(JsonNode operation) {
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean(false)) {
                query.put(parameter.get("name").asText(), valid(resolve(parameter.path("schema"))).asText());
            }
        }
        return query;
    }

    /** Every limited field of a body schema, each as a body holding only that field (other errors may follow). */
    private void bodyFields(String method, String path, JsonNode schema, List<String> at) {
        if (at.size() > 3) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            List<String> field = new ArrayList<>(at);
            field.add(property.getKey());
            JsonNode fieldSchema = resolve(property.getValue());
            for (Beyond beyond : beyond(fieldSchema)) {
                requests.add(new OverLimit(method, path, Map.of(), nest(field, beyond.value()), String.join(".", field),
                        beyond.limit()));
            }
            if (types(fieldSchema).contains("object")) {
                bodyFields(method, path, fieldSchema, field);
            }
            if (types(fieldSchema).contains("array")) {
                JsonNode items = resolve(fieldSchema.path("items"));
                for (Beyond beyond : beyond(items)) {
                    ArrayNode array = JSON.arrayNode().add(beyond.value());
                    requests.add(new OverLimit(method, path, Map.of(), nest(field, array),
                            String.join(".", field) + "[0]", "items' " + beyond.limit()));
                }
            }
        }
    }

    private record Beyond(JsonNode value, String limit) {
    }

    private List<Beyond> beyond(JsonNode schema) {
        List<Beyond> values = new ArrayList<>();
        List<String> types = types(schema);
        if (types.contains("string") && schema.has("maxLength") && !schema.has("enum")) {
            int max = schema.get("maxLength").asInt();
            values.add(new Beyond(JSON.textNode("7".repeat(max + 1)), "maxLength " + max));
        }
        if (types.contains("integer") || types.contains("number")) {
            // The range of the Java type is no limit of the service's own: a value beyond it cannot be read.
            if (schema.has("maximum") && !isTypeBound(schema.get("maximum").asLong())) {
                long max = schema.get("maximum").asLong();
                values.add(new Beyond(JSON.numberNode(max + 1), "maximum " + max));
            }
            if (schema.has("minimum") && !isTypeBound(schema.get("minimum").asLong())) {
                long min = schema.get("minimum").asLong();
                values.add(new Beyond(JSON.numberNode(min - 1), "minimum " + min));
            }
        }
        // A set of enum values can never hold more than the enum has: such a limit cannot be exceeded.
        JsonNode itemEnum = resolve(schema.path("items")).path("enum");
        boolean unreachable = schema.path("uniqueItems").asBoolean(false) && itemEnum.isArray()
                && itemEnum.size() <= schema.path("maxItems").asInt(Integer.MAX_VALUE);
        if (types.contains("array") && schema.has("maxItems") && !unreachable) {
            int max = schema.get("maxItems").asInt();
            ArrayNode array = JSON.arrayNode();
            JsonNode item = valid(resolve(schema.path("items")));
            for (int i = 0; i <= max; i++) {
                array.add(item);
            }
            values.add(new Beyond(array, "maxItems " + max));
        }
        return values;
    }

    private static boolean isTypeBound(long value) {
        return value == Integer.MAX_VALUE || value == Integer.MIN_VALUE || value == Long.MAX_VALUE
                || value == Long.MIN_VALUE;
    }

    /** A value within every limit of the schema, for the items of an over-long array. */
    private JsonNode valid(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        List<String> types = types(schema);
        if (types.contains("integer") || types.contains("number")) {
            return JSON.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 0);
        }
        if (types.contains("string")) {
            return JSON.textNode(schema.path("format").asText().equals("uuid") ? UUID.randomUUID().toString() : "a");
        }
        if (types.contains("boolean")) {
            return JSON.booleanNode(false);
        }
        return JSON.objectNode();
    }

    private static JsonNode nest(List<String> field, JsonNode value) {
        JsonNode node = value;
        for (int i = field.size() - 1; i >= 0; i--) {
            ObjectNode parent = JSON.objectNode();
            parent.set(field.get(i), node);
            node = parent;
        }
        return node;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        // A nullable reference is written as anyOf [ {$ref}, {type: null} ] (OpenAPI 3.1).
        if (current.has("anyOf") && !current.has("type")) {
            for (JsonNode option : current.get("anyOf")) {
                JsonNode resolved = resolve(option);
                if (!types(resolved).contains("null")) {
                    return resolved;
                }
            }
        }
        return current;
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }
}
