package org.careweave.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The paths the gateway answers itself, as they appear in the merged document: the two API descriptions (no token)
 * and the audit trail of every service (admins). Shared answers are references to the services' components.
 */
public final class GatewayPaths {

    public static final String OPENAPI = "/api/openapi";
    public static final String ASYNCAPI = "/api/asyncapi";
    public static final String AUDIT_ENTRIES = "/api/audit-entries";

    /** Largest page of audit entries; the cursor carries on from there. */
    public static final int MAX_AUDIT_PAGE = 500;

    private GatewayPaths() {
    }

    public static JsonObject document() {
        return new JsonObject()
                .put(OPENAPI, new JsonObject().put("get", description("getOpenApi",
                        "This document: every service's API behind the gateway", "The merged OpenAPI 3.1 document")))
                .put(ASYNCAPI, new JsonObject().put("get", description("getAsyncApi",
                        "The events: every Kafka topic and dead-letter topic, CloudEvents envelope, keys and payloads",
                        "The AsyncAPI 3.0 document")))
                .put(AUDIT_ENTRIES, new JsonObject().put("get", auditEntries()));
    }

    private static JsonObject description(String operationId, String summary, String what) {
        return new JsonObject()
                .put("tags", new JsonArray().add("Gateway"))
                .put("summary", summary)
                .put("operationId", operationId)
                .put("security", new JsonArray())
                .put("responses", new JsonObject()
                        .put("200", new JsonObject().put("description", what).put("content", new JsonObject()
                                .put("application/json", new JsonObject().put("schema",
                                        new JsonObject().put("type", "object")))))
                        .put("500", ref("InternalError")));
    }

    private static JsonObject auditEntries() {
        JsonObject entry = new JsonObject().put("$ref", "#/components/schemas/MergedAuditEntry");
        JsonObject page = new JsonObject().put("type", "object").put("required", new JsonArray().add("entries"))
                .put("properties", new JsonObject()
                        .put("entries", new JsonObject().put("type", "array").put("maxItems", MAX_AUDIT_PAGE)
                                .put("items", entry))
                        .put("nextCursor", new JsonObject().put("type", "string").put("maxLength", 4000)
                                .put("description", "Pass as cursor for the next (older) page; absent on the last")));
        return new JsonObject()
                .put("tags", new JsonArray().add("Audit"))
                .put("summary", "Every service's audit entries, newest first, for compliance officers")
                .put("description", "Merged by time from all services, read with the caller's token. "
                        + "Accept: application/x-ndjson exports every matching entry, one JSON object a line.\n\n"
                        + "Roles: admin.")
                .put("operationId", "listAuditEntries")
                .put("x-careweave-roles", new JsonArray().add("admin"))
                .put("parameters", new JsonArray()
                        .add(query("patientId", string(100, null), "Only entries about this patient"))
                        .add(query("actor", string(100, null), "Only entries of this user (subject)"))
                        .add(query("action", string(50, null), "Only this action, e.g. READ"))
                        .add(query("from", string(64, "date-time"), "Entries at or after this time"))
                        .add(query("to", string(64, "date-time"), "Entries before this time"))
                        .add(query("cursor", string(4000, null), "nextCursor of the previous page"))
                        .add(query("limit", new JsonObject().put("type", "integer").put("format", "int32")
                                .put("minimum", 1).put("maximum", MAX_AUDIT_PAGE).put("default", 100),
                                "Entries per page")))
                .put("responses", new JsonObject()
                        .put("200", new JsonObject().put("description", "One page of entries, or the NDJSON export")
                                .put("content", new JsonObject()
                                        .put("application/json", new JsonObject().put("schema", page))
                                        .put("application/x-ndjson", new JsonObject().put("schema", entry))))
                        .put("400", ref("BadRequest"))
                        .put("401", ref("Unauthorized"))
                        .put("403", ref("Forbidden"))
                        .put("500", ref("InternalError")));
    }

    /** The schema of one merged entry, added to the document's components. */
    public static JsonObject auditEntrySchema() {
        JsonObject properties = new JsonObject()
                .put("service", new JsonObject().put("type", "string").put("enum",
                        new JsonArray().add("care-plan").add("therapy").add("prescription").add("chat")))
                .put("occurredAt", string(64, "date-time"))
                .put("subject", string(100, null))
                .put("role", string(50, null))
                .put("action", string(50, null))
                .put("resourceType", string(100, null))
                .put("resourceId", string(100, null))
                .put("patientId", string(100, null))
                .put("outcome", new JsonObject().put("type", "string")
                        .put("enum", new JsonArray().add("SUCCESS").add("DENIED")));
        return new JsonObject().put("type", "object").put("properties", properties)
                .put("required", new JsonArray().add("service").add("occurredAt").add("subject").add("role")
                        .add("action").add("resourceType").add("outcome"));
    }

    private static JsonObject query(String name, JsonObject schema, String description) {
        return new JsonObject().put("name", name).put("in", "query").put("description", description)
                .put("schema", schema);
    }

    private static JsonObject string(int maxLength, String format) {
        JsonObject schema = new JsonObject().put("type", "string").put("maxLength", maxLength);
        return format == null ? schema : schema.put("format", format);
    }

    private static JsonObject ref(String response) {
        return new JsonObject().put("$ref", "#/components/responses/" + response);
    }
}
