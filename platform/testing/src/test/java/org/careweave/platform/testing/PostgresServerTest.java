package org.careweave.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void createsFreshDatabasesThatWork() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        String first = server.createDatabase();
        String second = server.createDatabase();
        assertNotEquals(first, second);

        try (Connection connection = DriverManager.getConnection(first, server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (id int PRIMARY KEY, text text)");
            statement.execute("INSERT INTO note VALUES (1, 'Schlafprotokoll ✓')");
            try (ResultSet rows = statement.executeQuery("SELECT text, current_setting('server_version_num') FROM note")) {
                rows.next();
                assertEquals("Schlafprotokoll ✓", rows.getString(1));
                assertEquals(15, Integer.parseInt(rows.getString(2)) / 10000);
            }
        }
        try (Connection connection = DriverManager.getConnection(second, server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'note'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "each database starts empty");
        }
    }

    @Test
    void testResourceGivesDatasourceConfigAndDropsItsDatabase() throws SQLException {
        PostgresTestResource resource = new PostgresTestResource();
        Map<String, String> config = resource.start();
        String url = config.get("quarkus.datasource.jdbc.url");
        assertEquals(3, config.size());
        try (Connection connection = DriverManager.getConnection(url,
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertEquals(true, connection.isValid(1));
        }
        resource.stop();
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", "").close());
    }
}
