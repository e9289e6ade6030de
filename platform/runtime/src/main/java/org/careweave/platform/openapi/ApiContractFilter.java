package org.careweave.platform.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.careweave.platform.access.Roles;
import org.careweave.platform.problem.Problem;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every service's OpenAPI document states the same way, applied to the document SmallRye generates at build
 * time (so the stored document and {@code /q/openapi} are the same):
 * <ul>
 * <li>one problem+json contract: the {@code Problem} schema and the 400/401/403/404/500 answers are described once
 * in {@code components} and referenced by every operation that can give them; every other 4xx/5xx answer carries the
 * same schema;</li>
 * <li>one OpenID Connect scheme ({@value #SECURITY_SCHEME}) with an empty scope list: Keycloak realm roles are not
 * OAuth scopes, so the roles an operation allows are listed in {@value #ROLES_EXTENSION} and its description;</li>
 * <li>the length of values whose parser bounds it (UUIDs, dates, date-times), so every string is bounded.</li>
 * </ul>
 * Limits of request fields come from their Bean Validation constraints, which SmallRye copies into the schemas.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiContractFilter implements OASFilter {

    public static final String SECURITY_SCHEME = "oidc";
    /** The same tokens, for operations only admins may call: a scheme of their own so tools can tell them apart. */
    public static final String ADMIN_SECURITY_SCHEME = "oidc-admin";
    public static final String ROLES_EXTENSION = "x-careweave-roles";
    public static final String PROBLEM_SCHEMA = "Problem";

    /** The longest text a parser of these formats accepts (ISO-8601 with a 10-digit signed year, nanoseconds). */
    private static final Map<String, Integer> FORMAT_LENGTHS = Map.of("uuid", 36, "date", 16, "date-time", 64,
            "time", 32, "duration", 64);

    /** The longest text any request accepts (a private session note). */
    static final int LONGEST_TEXT = 20_000;

    private static final Map<String, String> SHARED_RESPONSES = new LinkedHashMap<>();
    static {
        SHARED_RESPONSES.put("400", "BadRequest");
        SHARED_RESPONSES.put("401", "Unauthorized");
        SHARED_RESPONSES.put("403", "Forbidden");
        SHARED_RESPONSES.put("404", "NotFound");
        SHARED_RESPONSES.put("500", "InternalError");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() != null ? openAPI.getComponents()
                : OASFactory.createComponents();
        openAPI.setComponents(components);
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        components.addSchema("ProblemFieldError", fieldErrorSchema());
        sharedResponses().forEach(components::addResponse);
        useOneSecurityScheme(openAPI, components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(this::describeOperations);
        }
        boundFormattedStrings(openAPI);
        boundAnswers(openAPI);
    }

    private void describeOperations(PathItem path) {
        if (path.getOperations() == null) {
            return;
        }
        path.getOperations().values().forEach(operation -> {
            List<String> roles = rolesOf(operation);
            boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
            if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                String scheme = roles.equals(List.of(Roles.ADMIN)) ? ADMIN_SECURITY_SCHEME : SECURITY_SCHEME;
                operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement()
                        .addScheme(scheme))));
            }
            if (!roles.isEmpty()) {
                operation.addExtension(ROLES_EXTENSION, roles);
                String allowed = "Roles: " + String.join(", ", roles) + ".";
                operation.setDescription(operation.getDescription() == null ? allowed
                        : operation.getDescription() + "\n\n" + allowed);
            }
            APIResponses responses = operation.getResponses() != null ? operation.getResponses()
                    : OASFactory.createAPIResponses();
            operation.setResponses(responses);
            boolean hasInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                    || (path.getParameters() != null && !path.getParameters().isEmpty());
            boolean hasPathParameter = hasPathParameter(operation) || hasPathParameter(path);
            setShared(responses, "400", hasInput);
            setShared(responses, "401", secured);
            setShared(responses, "403", !roles.isEmpty());
            setShared(responses, "404", hasPathParameter);
            setShared(responses, "500", true);
            responses.getAPIResponses().forEach((code, response) -> {
                if (isError(code) && response.getRef() == null) {
                    response.setContent(problemContent());
                }
            });
        });
    }

    /** Puts the shared answer where the operation can give it; replaces whatever SmallRye added for the code. */
    private static void setShared(APIResponses responses, String code, boolean applies) {
        if (applies || responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse()
                    .ref("#/components/responses/" + SHARED_RESPONSES.get(code)));
        }
    }

    private static boolean hasPathParameter(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }

    private static boolean hasPathParameter(PathItem path) {
        return path.getParameters() != null
                && path.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    /** Roles SmallRye put into the requirement as scopes, in a stable order. */
    private static List<String> rolesOf(Operation operation) {
        Set<String> roles = new TreeSet<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                if (requirement.getSchemes() != null) {
                    requirement.getSchemes().values().forEach(roles::addAll);
                }
            }
        }
        return List.copyOf(roles);
    }

    private static void useOneSecurityScheme(OpenAPI openAPI, Components components) {
        if (components.getSecuritySchemes() != null) {
            new ArrayList<>(components.getSecuritySchemes().keySet()).forEach(components::removeSecurityScheme);
        }
        String issuer = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse("http://localhost:8180/realms/careweave");
        String discovery = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        components.addSecurityScheme(SECURITY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT).openIdConnectUrl(discovery)
                .description("Keycloak (realm careweave) access tokens: signed JWTs validated per RFC8725 "
                        + "(issuer, audience, expiry, signature by the realm's keys; no 'none' algorithm). "
                        + "Authorization uses the realm roles patient, therapist, psychiatrist, care-coordinator "
                        + "and admin, listed per operation in " + ROLES_EXTENSION + "; no OAuth scope is required."));
        components.addSecurityScheme(ADMIN_SECURITY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT).openIdConnectUrl(discovery)
                .description("Keycloak access tokens of users with the realm role admin (the same issuer and "
                        + "validation as " + SECURITY_SCHEME + ")"));
        if (openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty()) {
            openAPI.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement()
                    .addScheme(SECURITY_SCHEME))));
        }
    }

    private static Map<String, APIResponse> sharedResponses() {
        Map<String, APIResponse> responses = new LinkedHashMap<>();
        responses.put("BadRequest", problemResponse(
                "Invalid input: the fields that broke a documented limit or rule are listed in errors"));
        responses.put("Unauthorized", problemResponse("No bearer token, or one that is invalid or expired"));
        responses.put("Forbidden", problemResponse("The caller's role does not allow this operation"));
        responses.put("NotFound", problemResponse(
                "No such record, or one the caller may not see (the same answer, so existence does not leak)"));
        responses.put("InternalError", problemResponse(
                "The request could not be completed; quote the requestId to support"));
        return responses;
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }

    /** RFC 9457 problem details as {@link Problem} writes them; limits are those of the values the services set. */
    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: every 4xx and 5xx answer of the API")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string(2000, "uri-reference", "A URI naming the problem type; about:blank"))
                .addProperty("title", string(200, null, "Short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599))
                        .description("The HTTP status code"))
                .addProperty("detail", string(2000, null, "What went wrong with this request"))
                .addProperty("instance", string(2000, "uri-reference", "The request path"))
                .addProperty("requestId", string(200, null, "The request id (X-Request-Id) to quote to support"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(1000)
                        .description("The invalid fields of a validation error")
                        .items(OASFactory.createSchema().ref("#/components/schemas/ProblemFieldError")));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .required(List.of("field", "message"))
                .addProperty("field", string(500, null, "The field, e.g. answers[3] or medication.name"))
                .addProperty("message", string(1000, null, "What the field must be"));
    }

    private static Schema string(int maxLength, String format, String description) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength)
                .description(description);
        return format == null ? schema : schema.format(format);
    }

    private static void boundFormattedStrings(OpenAPI openAPI) {
        new SchemaWalk().document(openAPI).forEach(schema -> {
            if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)
                    && schema.getMaxLength() == null && schema.getFormat() != null) {
                Optional.ofNullable(FORMAT_LENGTHS.get(schema.getFormat())).ifPresent(schema::setMaxLength);
            }
        });
    }

    /**
     * Schemas only answers use state the bounds of what the service writes: every string it returns came through a
     * request limited to at most {@value #LONGEST_TEXT} characters or is generated by the service (ids, enums, short
     * texts); integers are bounded by their Java type; lists are whole (not paged) and bounded only by a Java list.
     * Schemas a request can reach are left alone: their limits are the Bean Validation constraints in the code.
     */
    private static void boundAnswers(OpenAPI openAPI) {
        Set<Schema> inputs = new SchemaWalk().inputs(openAPI);
        new SchemaWalk().document(openAPI).stream().filter(schema -> !inputs.contains(schema)).forEach(schema -> {
            List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
            if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null
                    && schema.getEnumeration() == null && schema.getConstValue() == null) {
                schema.setMaxLength(LONGEST_TEXT);
            }
            if (types.contains(Schema.SchemaType.INTEGER)) {
                boolean int64 = "int64".equals(schema.getFormat());
                schema.setFormat(int64 ? "int64" : "int32");
                if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                    schema.setMinimum(BigDecimal.valueOf(int64 ? Long.MIN_VALUE : Integer.MIN_VALUE));
                }
                if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                    schema.setMaximum(BigDecimal.valueOf(int64 ? Long.MAX_VALUE : Integer.MAX_VALUE));
                }
            }
            if (types.contains(Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
                schema.setMaxItems(Integer.MAX_VALUE);
            }
        });
    }

    /** Every schema of the document, nested ones included, each once. */
    static final class SchemaWalk {

        private static final String COMPONENT_SCHEMAS = "#/components/schemas/";
        private final Map<Schema, Boolean> seen = new IdentityHashMap<>();
        /** Set when references are to be followed. */
        private Components components;

        Collection<Schema> document(OpenAPI openAPI) {
            if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
                openAPI.getComponents().getSchemas().values().forEach(this::schema);
            }
            if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
                openAPI.getPaths().getPathItems().values().forEach(path -> {
                    parameters(path.getParameters());
                    if (path.getOperations() != null) {
                        path.getOperations().values().forEach(this::operation);
                    }
                });
            }
            return seen.keySet();
        }

        /** The schemas a request can carry (parameters and bodies), references followed. */
        Set<Schema> inputs(OpenAPI openAPI) {
            this.components = openAPI.getComponents();
            if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
                openAPI.getPaths().getPathItems().values().forEach(path -> {
                    parameters(path.getParameters());
                    if (path.getOperations() != null) {
                        path.getOperations().values().forEach(operation -> {
                            parameters(operation.getParameters());
                            if (operation.getRequestBody() != null) {
                                content(operation.getRequestBody().getContent());
                            }
                        });
                    }
                });
            }
            return seen.keySet();
        }

        private void operation(Operation operation) {
            parameters(operation.getParameters());
            if (operation.getRequestBody() != null) {
                content(operation.getRequestBody().getContent());
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    content(response.getContent());
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().forEach(header -> schema(header.getSchema()));
                    }
                });
            }
        }

        private void parameters(List<Parameter> parameters) {
            if (parameters != null) {
                parameters.forEach(parameter -> {
                    schema(parameter.getSchema());
                    content(parameter.getContent());
                });
            }
        }

        private void content(Content content) {
            if (content != null && content.getMediaTypes() != null) {
                content.getMediaTypes().values().stream().map(MediaType::getSchema).forEach(this::schema);
            }
        }

        private void schema(Schema schema) {
            if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
                return;
            }
            String ref = schema.getRef();
            if (components != null && ref != null && ref.startsWith(COMPONENT_SCHEMAS)
                    && components.getSchemas() != null) {
                schema(components.getSchemas().get(ref.substring(COMPONENT_SCHEMAS.length())));
            }
            schema(schema.getItems());
            schema(schema.getAdditionalPropertiesSchema());
            schema(schema.getNot());
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(this::schema);
            }
            for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (list != null) {
                    list.forEach(this::schema);
                }
            }
        }
    }
}
