package org.careweave.systemtests;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real Keycloak tokens for the demo users (password grant, cached per user), and forged ones. */
public final class Tokens {

    public static final String PASSWORD = "careweave-demo";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token of the careweave realm; tokens live 15 minutes, longer than a test run needs. */
    public static String of(String user) {
        return CACHE.computeIfAbsent(user, u -> passwordGrant(Stack.REALM, "careweave-app", u, PASSWORD));
    }

    /** A newly issued token (also cached): a long run's tests can start with a whole lifetime ahead. */
    public static String fresh(String user) {
        String token = passwordGrant(Stack.REALM, "careweave-app", user, PASSWORD);
        CACHE.put(user, token);
        return token;
    }

    /** A genuine token, but from Keycloak's master realm: right signature chain, wrong issuer. */
    public static String fromAnotherRealm() {
        return passwordGrant("master", "admin-cli", "admin", "admin");
    }

    /** Alice's real claims re-signed with a key Keycloak never published. */
    public static String signedByAnotherKey() {
        String[] parts = of("alice").split("\\.");
        String signingInput = parts[0] + "." + parts[1];
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(generator.generateKeyPair().getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String passwordGrant(String realm, String client, String user, String password) {
        return given()
                .formParam("client_id", client)
                .formParam("grant_type", "password")
                .formParam("username", user)
                .formParam("password", password)
                .post(Stack.KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
