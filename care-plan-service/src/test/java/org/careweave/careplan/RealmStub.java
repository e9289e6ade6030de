package org.careweave.careplan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Keycloak's token endpoint and admin role lookup, answered by the test OIDC server's WireMock. */
final class RealmStub {

    private RealmStub() {
    }

    static void install(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/protocol/openid-connect/token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"service-token\",\"expires_in\":300}")));
        server.stubFor(get(urlPathMatching("/auth/admin/realms/quarkus/users/.*/role-mappings/realm/composite"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(404)));
        user(server, Tokens.THEO, "therapist", "default-roles-careweave");
        user(server, Tokens.PRIYA, "psychiatrist", "default-roles-careweave");
    }

    static void user(WireMockServer server, String id, String... roles) {
        String body = Arrays.stream(roles).map(r -> "{\"id\":\"" + r + "-id\",\"name\":\"" + r + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        server.stubFor(get(urlPathEqualTo("/auth/admin/realms/quarkus/users/" + id + "/role-mappings/realm/composite"))
                .atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }
}
