package org.careweave.gateway.openapi;

import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the gateway adds to every operation of the merged document, because the gateway does it to every call:
 * the public server, the OpenID Connect scheme it checks tokens against, the rate-limit headers on each answer,
 * the 429 beyond the limit (with {@code Retry-After}) and the CORS header.
 * Each header and the 429 answer are described once in {@code components} and referenced.
 */
public final class GatewayContract {

    public static final String SECURITY_SCHEME = "oidc";
    static final String TOO_MANY_REQUESTS = "TooManyRequests";
    static final String[] RATE_LIMIT_HEADERS = { "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset" };
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final Map<String, String> SHARED_PROBLEMS = Map.of(
            "BadRequest", "Invalid input; the fields are listed in errors",
            "Unauthorized", "No bearer token, or one that is invalid or expired",
            "Forbidden", "The caller's role does not allow this operation",
            "NotFound", "No such record, or one the caller may not see",
            "InternalError", "The request could not be completed; quote the requestId to support");

    private final String serverUrl;
    private final String serverDescription;
    private final String oidcUrl;

    /**
     * @param serverUrl the public https address of the gateway
     * @param oidcUrl   the issuer's OpenID Connect discovery document
     */
    public GatewayContract(String serverUrl, String serverDescription, String oidcUrl) {
        this.serverUrl = serverUrl;
        this.serverDescription = serverDescription;
        this.oidcUrl = oidcUrl;
    }

    public JsonObject apply(JsonObject document) {
        document.put("servers", new JsonArray().add(new JsonObject().put("url", serverUrl)
                .put("description", serverDescription).put("x-internal", false)));
        JsonObject components = document.getJsonObject("components");
        JsonObject schemes = components.getJsonObject("securitySchemes", new JsonObject());
        JsonObject published = new JsonObject();
        schemes.forEach(entry -> published.put(entry.getKey(), ((JsonObject) entry.getValue()).copy()
                .put("type", "openIdConnect").put("openIdConnectUrl", oidcUrl)));
        if (!published.containsKey(SECURITY_SCHEME)) {
            published.put(SECURITY_SCHEME, new JsonObject().put("type", "openIdConnect").put("openIdConnectUrl", oidcUrl)
                    .put("description", "Keycloak access tokens (JWT, validated per RFC8725); the roles an operation "
                            + "allows are listed in x-careweave-roles."));
        }
        components.put("securitySchemes", published);
        document.put("security", new JsonArray().add(new JsonObject().put(SECURITY_SCHEME, new JsonArray())));

        JsonObject schemas = components.getJsonObject("schemas", new JsonObject());
        schemas.put("MergedAuditEntry", GatewayPaths.auditEntrySchema());
        components.put("schemas", schemas);

        JsonObject headers = components.getJsonObject("headers", new JsonObject());
        headers.put("RateLimit-Limit", header("Requests allowed in the caller's current window (burst size)",
                1_000_000));
        headers.put("RateLimit-Remaining", header("Requests left in the current window", 1_000_000));
        headers.put("RateLimit-Reset", header("Seconds until the window is full again", 86_400));
        headers.put("Retry-After", header("Seconds to wait before the next request", 86_400));
        headers.put(ALLOW_ORIGIN, new JsonObject()
                .put("description", "Sent to browsers calling from a configured web origin (CORS); absent otherwise")
                .put("schema", new JsonObject().put("type", "string").put("format", "uri").put("maxLength", 2000)));
        components.put("headers", headers);

        // The services describe the problem contract (platform/runtime); these stand in only when none could.
        schemas.getMap().putIfAbsent("Problem", problemSchema());
        JsonObject responses = components.getJsonObject("responses", new JsonObject());
        SHARED_PROBLEMS.forEach((name, description) -> responses.getMap().putIfAbsent(name, problem(description)));
        responses.put(TOO_MANY_REQUESTS,
                problem("Over the caller's rate limit for this group of routes; retry after Retry-After"));
        responses.forEach(entry -> withLimitHeaders((JsonObject) entry.getValue()));
        responses.getJsonObject(TOO_MANY_REQUESTS).getJsonObject("headers")
                .put("Retry-After", new JsonObject().put("$ref", "#/components/headers/Retry-After"));
        components.put("responses", responses);

        document.getJsonObject("paths", new JsonObject()).forEach(path -> ((JsonObject) path.getValue())
                .forEach(method -> {
                    if (!(method.getValue() instanceof JsonObject operation) || !operation.containsKey("responses")) {
                        return;
                    }
                    JsonObject answers = operation.getJsonObject("responses");
                    answers.put("429", new JsonObject().put("$ref", "#/components/responses/" + TOO_MANY_REQUESTS));
                    answers.forEach(answer -> {
                        JsonObject response = (JsonObject) answer.getValue();
                        if (!response.containsKey("$ref") && !answer.getKey().startsWith("5")) {
                            withLimitHeaders(response);
                        }
                    });
                }));
        return document;
    }

    private static JsonObject problem(String description) {
        return new JsonObject().put("description", description).put("content", new JsonObject()
                .put("application/problem+json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))));
    }

    private static JsonObject problemSchema() {
        JsonObject properties = new JsonObject()
                .put("type", new JsonObject().put("type", "string").put("maxLength", 2000))
                .put("title", new JsonObject().put("type", "string").put("maxLength", 200))
                .put("status", new JsonObject().put("type", "integer").put("format", "int32").put("minimum", 400)
                        .put("maximum", 599))
                .put("detail", new JsonObject().put("type", "string").put("maxLength", 2000))
                .put("instance", new JsonObject().put("type", "string").put("maxLength", 2000))
                .put("requestId", new JsonObject().put("type", "string").put("maxLength", 200));
        return new JsonObject().put("type", "object").put("description", "RFC 9457 problem details")
                .put("required", new JsonArray().add("type").add("title").add("status")).put("properties", properties);
    }

    private static void withLimitHeaders(JsonObject response) {
        JsonObject headers = response.getJsonObject("headers", new JsonObject());
        for (String name : RATE_LIMIT_HEADERS) {
            headers.put(name, new JsonObject().put("$ref", "#/components/headers/" + name));
        }
        headers.put(ALLOW_ORIGIN, new JsonObject().put("$ref", "#/components/headers/" + ALLOW_ORIGIN));
        response.put("headers", headers);
    }

    private static JsonObject header(String description, int maximum) {
        return new JsonObject().put("description", description).put("schema", new JsonObject().put("type", "integer")
                .put("format", "int32").put("minimum", 0).put("maximum", maximum));
    }
}
