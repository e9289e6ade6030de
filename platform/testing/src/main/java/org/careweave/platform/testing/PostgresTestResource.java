package org.careweave.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives a Quarkus test a fresh database on the PostgreSQL server of this JVM. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String jdbcUrl;

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.shared();
        jdbcUrl = server.createDatabase();
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // Matters for an external server, which would otherwise collect test databases.
        if (jdbcUrl != null) {
            PostgresServer.shared().dropDatabase(jdbcUrl);
            jdbcUrl = null;
        }
    }
}
