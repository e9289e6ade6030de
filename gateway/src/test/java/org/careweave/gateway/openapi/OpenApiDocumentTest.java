package org.careweave.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.careweave.gateway.testing.StandInDocuments;
import org.careweave.gateway.testing.StandInServices;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class OpenApiDocumentTest {

    @Test
    void theMergedDocumentIsValidOpenApiWithEveryServicesPaths() {
        String json = given().get(OpenApiDocument.PATH)
                .then().statusCode(200).contentType("application/json")
                .extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
        assertEquals(List.of(), result.getMessages(), "swagger-parser finds nothing wrong");
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);

        for (String service : List.of("care-plan", "therapy", "prescription", "chat", "slow", "limited")) {
            assertTrue(api.getPaths().containsKey(StandInDocuments.pathOf(service)), service + " paths are in");
            assertFalse(api.getPaths().containsKey("/internal/" + service), "paths the gateway does not route stay out");
        }
        assertTrue(api.getPaths().containsKey(OpenApiDocument.PATH), "the gateway's own path");
        assertEquals(Set.of("oidc"), api.getComponents().getSecuritySchemes().keySet(), "one OpenID Connect scheme");
        assertEquals("https://api.careweave.example", api.getServers().get(0).getUrl());
        assertTrue(api.getComponents().getResponses().get("TooManyRequests").getHeaders().containsKey("Retry-After"));
        // Every service calls its own, different schema "Problem": one keeps the name, the others are prefixed.
        assertTrue(api.getComponents().getSchemas().containsKey("Problem"));
        assertTrue(api.getComponents().getSchemas().keySet().stream().filter(n -> n.endsWith(".Problem")).count() >= 5);
        // Services that are down or publish nothing are left out, and said to be.
        String description = api.getInfo().getDescription();
        assertTrue(description.contains("the down service's document could not be fetched"), description);
        assertTrue(description.contains("the chat-socket service's document could not be fetched"), description);
    }

    @Test
    void theEventsAreDescribedInAsyncApiWithoutAToken() {
        given().get("/api/asyncapi").then().statusCode(200).contentType("application/json")
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.therapyEventsDlq.address", equalTo("therapy.events.dlq"))
                .body("components.messages.size()", equalTo(24));
    }

    @Test
    void itNeedsNoTokenAndSwaggerUiPointsAtIt() {
        given().get(OpenApiDocument.PATH).then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
