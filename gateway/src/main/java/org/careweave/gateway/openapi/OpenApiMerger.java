package org.careweave.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' OpenAPI documents into the one a client team generates a client from: every path a service
 * documents and the gateway routes to it, their components (a name two services use for different things is
 * prefixed with the service name, references included), their tags, the gateway's own paths and its bearer scheme.
 * A service whose document could not be had is named in {@code info.description}.
 */
public final class OpenApiMerger {

    private final String title;
    private final String version;
    private final BiPredicate<String, String> routedTo;
    private final GatewayContract contract;

    /** @param routedTo whether the gateway sends a path (first argument) to a service (second argument) */
    public OpenApiMerger(String title, String version, BiPredicate<String, String> routedTo,
            GatewayContract contract) {
        this.title = title;
        this.version = version;
        this.routedTo = routedTo;
        this.contract = contract;
    }

    public JsonObject merge(List<ServiceDocument> documents, JsonObject gatewayPaths) {
        JsonObject paths = gatewayPaths.copy();
        JsonObject components = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Set<String> versions = new LinkedHashSet<>();
        Set<String> operationIds = new HashSet<>();
        collectOperationIds(gatewayPaths, operationIds);
        for (ServiceDocument source : documents) {
            if (!source.available()) {
                notes.add("Left out: the " + source.service() + " service's document could not be fetched ("
                        + source.failure() + ").");
                continue;
            }
            JsonObject document = withUniqueComponentNames(source, components);
            versions.add(document.getString("openapi", "3.0.3"));
            mergeComponents(document.getJsonObject("components", new JsonObject()), components);
            document.getJsonObject("paths", new JsonObject()).forEach(entry -> {
                if (!routedTo.test(entry.getKey(), source.service())) {
                    return; // documented but not reachable through the gateway
                }
                if (paths.containsKey(entry.getKey())) {
                    notes.add("Path " + entry.getKey() + " of " + source.service() + " is also documented elsewhere; "
                            + "the first is kept.");
                    return;
                }
                paths.put(entry.getKey(), withUniqueOperationIds((JsonObject) entry.getValue(), source.service(),
                        operationIds));
            });
            document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                JsonObject object = (JsonObject) tag;
                tags.putIfAbsent(object.getString("name"), object);
            });
        }
        String description = "All Careweave services behind one gateway. Every call needs a bearer token unless "
                + "documented otherwise. Chat also runs over a WebSocket at /api/chat/ws (token in the Authorization "
                + "header, or the bearer-token-carrier subprotocol convention)."
                + (notes.isEmpty() ? "" : "\n\n" + String.join("\n", notes));
        JsonObject merged = new JsonObject()
                // Services built together speak the same OpenAPI version; if they ever differ, the newest wins.
                .put("openapi", versions.stream().max(String::compareTo).orElse("3.0.3"))
                .put("info", new JsonObject().put("title", title).put("version", version).put("description", description))
                .put("paths", paths)
                .put("components", components);
        if (!tags.isEmpty()) {
            merged.put("tags", new JsonArray(new ArrayList<>(tags.values())));
        }
        return contract.apply(merged);
    }

    private static void collectOperationIds(JsonObject paths, Set<String> into) {
        paths.forEach(path -> ((JsonObject) path.getValue()).forEach(method -> {
            if (method.getValue() instanceof JsonObject operation && operation.containsKey("operationId")) {
                into.add(operation.getString("operationId"));
            }
        }));
    }

    /** Operation ids are unique in the merged document: one another service already uses gets the service's name. */
    private static JsonObject withUniqueOperationIds(JsonObject path, String service, Set<String> used) {
        path.forEach(method -> {
            if (method.getValue() instanceof JsonObject operation && operation.containsKey("operationId")) {
                String id = operation.getString("operationId");
                if (!used.add(id)) {
                    String prefixed = camel(service) + Character.toUpperCase(id.charAt(0)) + id.substring(1);
                    operation.put("operationId", prefixed);
                    used.add(prefixed);
                }
            }
        });
        return path;
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-' || c == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** The service's document with each component that clashes with an already merged one renamed. */
    private static JsonObject withUniqueComponentNames(ServiceDocument source, JsonObject merged) {
        JsonObject document = source.document().copy();
        Map<String, String> renamed = new HashMap<>();
        document.getJsonObject("components", new JsonObject()).forEach(section -> {
            if (!(section.getValue() instanceof JsonObject entries)) {
                return;
            }
            JsonObject existing = merged.getJsonObject(section.getKey(), new JsonObject());
            for (String name : entries.fieldNames()) {
                if (existing.containsKey(name) && !existing.getValue(name).equals(entries.getValue(name))) {
                    String prefix = "#/components/" + section.getKey() + "/";
                    renamed.put(prefix + name, prefix + source.service() + "." + name);
                }
            }
        });
        if (renamed.isEmpty()) {
            return document;
        }
        JsonObject components = document.getJsonObject("components");
        renamed.forEach((from, to) -> {
            String[] fromParts = from.split("/");
            String section = fromParts[2];
            JsonObject entries = components.getJsonObject(section);
            entries.put(to.substring(to.lastIndexOf('/') + 1), entries.remove(fromParts[3]));
        });
        return (JsonObject) rewriteRefs(document, renamed);
    }

    private static Object rewriteRefs(Object node, Map<String, String> renamed) {
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(entry -> copy.put(entry.getKey(),
                    entry.getKey().equals("$ref") && entry.getValue() instanceof String ref
                            ? renamed.getOrDefault(ref, ref)
                            : rewriteRefs(entry.getValue(), renamed)));
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(rewriteRefs(item, renamed)));
            return copy;
        }
        return node;
    }

    private static void mergeComponents(JsonObject from, JsonObject into) {
        from.forEach(section -> {
            if (section.getValue() instanceof JsonObject entries) {
                JsonObject target = into.containsKey(section.getKey()) ? into.getJsonObject(section.getKey())
                        : new JsonObject();
                entries.forEach(entry -> target.put(entry.getKey(), entry.getValue()));
                into.put(section.getKey(), target);
            }
        });
    }
}
