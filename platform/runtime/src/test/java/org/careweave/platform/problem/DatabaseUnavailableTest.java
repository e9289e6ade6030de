package org.careweave.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** What the real PostgreSQL driver and pool say when the database is away, against what a bad statement says. */
class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionIsTheDatabaseBeingAway() throws IOException {
        SQLException refused = connectToClosedPort();
        assertThat(refused.getSQLState()).startsWith("08");
        assertThat(DatabaseUnavailable.is(refused)).isTrue();
        // As Hibernate and the transaction layer hand it on.
        assertThat(DatabaseUnavailable.is(new PersistenceException("could not prepare statement",
                new RuntimeException(refused)))).isTrue();
    }

    @Test
    void aServerShuttingDownOrThePoolFindingNoConnectionIsTheDatabaseBeingAway() {
        assertThat(DatabaseUnavailable.is(new SQLException("the database system is shutting down", "57P03"))).isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.is(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
    }

    @Test
    void aFaultOfTheStatementOrTheDataIsNot() {
        assertThat(DatabaseUnavailable.is(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("invalid byte sequence for encoding", "22021"))).isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalStateException("a bug"))).isFalse();
    }

    private static SQLException connectToClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try {
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/none?connectTimeout=2", "u", "p")
                    .close();
            throw new AssertionError("nothing listens on port " + port);
        } catch (SQLException e) {
            return e;
        }
    }
}
