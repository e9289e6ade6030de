package org.careweave.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.postgresql.Driver;

/**
 * A real PostgreSQL server for the tests of this JVM: the running server named by
 * {@code CAREWEAVE_TEST_POSTGRES_URL}, or else a throw-away cluster on a free port that stops
 * with the JVM. Each {@link #createDatabase()} gives a fresh, empty database.
 */
public final class PostgresServer {

    public static final String URL_ENV = "CAREWEAVE_TEST_POSTGRES_URL";
    public static final String USER_ENV = "CAREWEAVE_TEST_POSTGRES_USER";
    public static final String PASSWORD_ENV = "CAREWEAVE_TEST_POSTGRES_PASSWORD";

    private static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /*
     * Runs postgres in the background and stops it (fast shutdown) when our stdin closes, i.e.
     * when the JVM stops it or dies. After a clean shutdown it removes the server's directory
     * ($1), which also covers a killed JVM; after a failure the log stays for the JVM to report.
     */
    private static final String WATCHDOG = """
            d=$1; shift
            exec 3<&0 </dev/null
            "$@" 3<&- &
            p=$!
            (cat <&3 >/dev/null; kill -INT $p) &
            wait $p && rm -rf "$d"
            """;

    /* Quarkus loads this class once per test profile: the copies share the server through this. */
    private static final String SHARED_URL_PROPERTY = "careweave.test.postgres.url";
    private static PostgresServer shared;

    private final String adminUrl;
    private final String username;
    private final String password;

    private PostgresServer(String adminUrl, String username, String password) {
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            String external = System.getenv(URL_ENV);
            String local = System.getProperty(SHARED_URL_PROPERTY);
            if (external != null && !external.isBlank()) {
                shared = new PostgresServer(external, envOr(USER_ENV, "postgres"), envOr(PASSWORD_ENV, ""));
            } else if (local != null) {
                shared = new PostgresServer(local, "postgres", "");
            } else {
                shared = startLocal();
                System.setProperty(SHARED_URL_PROPERTY, shared.adminUrl);
            }
        }
        return shared;
    }

    /** Creates an empty database with a unique name and returns its JDBC URL. */
    public String createDatabase() {
        String name = "cw_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + name);
        return urlOf(name);
    }

    /** Drops a database made by {@link #createDatabase()}, closing its open connections. */
    public void dropDatabase(String jdbcUrl) {
        execute("DROP DATABASE IF EXISTS \"" + databaseOf(jdbcUrl) + "\" WITH (FORCE)");
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private void execute(String sql) {
        try (Connection connection = connect(adminUrl, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + adminUrl + ": " + sql, e);
        }
    }

    // The driver directly rather than DriverManager, which rejects drivers loaded by another
    // class loader (Quarkus tests run in their own).
    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return new Driver().connect(url, properties);
    }

    private String urlOf(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static String databaseOf(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return base.substring(base.lastIndexOf('/') + 1);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static PostgresServer startLocal() {
        Path bin = findBinaries();
        int port = Processes.freePort();
        Path dir;
        try {
            dir = Files.createTempDirectory("careweave-pg-");
            // initdb and postgres refuse to run as root; they run as the postgres user.
            Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare a PostgreSQL data directory (is there a postgres user?)", e);
        }
        Path data = dir.resolve("data");
        Path log = dir.resolve("postgres.log");
        Processes.run(log, List.of("runuser", "-u", "postgres", "--", bin.resolve("initdb").toString(),
                "-D", data.toString(), "--auth=trust", "--no-sync", "-U", "postgres",
                "--encoding=UTF8", "--locale=C"));
        Process process;
        try {
            process = new ProcessBuilder("runuser", "-u", "postgres", "--", "bash", "-c", WATCHDOG, "bash",
                    dir.toString(), bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", String.valueOf(port), "-k", dir.toString(),
                    "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                    "-c", "full_page_writes=off", "-c", "synchronous_commit=off")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(process);
            Processes.deleteTree(dir);
        }, "careweave-postgres-stop"));
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        awaitConnection(adminUrl, process, log);
        return new PostgresServer(adminUrl, "postgres", "");
    }

    private static void awaitConnection(String url, Process process, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Connection ignored = connect(url, "postgres", "")) {
                return;
            } catch (SQLException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    stop(process);
                    throw new IllegalStateException("PostgreSQL did not start on " + url + "\n" + Processes.tail(log), e);
                }
            }
            Processes.sleep(100);
        }
    }

    /** Closing stdin lets the watchdog stop the server. */
    private static void stop(Process process) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path findBinaries() {
        try (Stream<Path> versions = Files.list(INSTALL_ROOT)) {
            return versions
                    .filter(version -> version.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                    .max(Comparator.comparingDouble(version -> Double.parseDouble(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"))
                    .orElseThrow(PostgresServer::notInstalled);
        } catch (IOException e) {
            throw notInstalled();
        }
    }

    private static IllegalStateException notInstalled() {
        return new IllegalStateException("PostgreSQL server binaries not found in " + INSTALL_ROOT
                + "/*/bin: install them with `apt-get install postgresql`, or set " + URL_ENV
                + " to the JDBC URL of a running server");
    }
}
