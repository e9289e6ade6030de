package org.careweave.systemtests;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real stack under test. Started once per test run through the same `deploy/local/careweave`
 * script a user runs, and stopped at the end if this run started it. Set CAREWEAVE_STACK=external to
 * test a stack that is already running (the URLs below can be overridden by env vars too).
 */
public final class Stack implements BeforeAllCallback {

    public static final String GATEWAY = env("CAREWEAVE_GATEWAY_URL", "http://localhost:8080");
    public static final String KEYCLOAK = env("CAREWEAVE_KEYCLOAK_URL", "http://localhost:8180");
    public static final String KAFKA = env("CAREWEAVE_KAFKA_BOOTSTRAP", "localhost:19092");
    public static final String REALM = "careweave";

    /** Services by name and direct URL, for readiness checks that bypass the gateway. */
    public static final Map<String, String> SERVICES = Map.of(
            "care-plan-service", env("CAREWEAVE_CARE_PLAN_URL", "http://localhost:8081"),
            "therapy-service", env("CAREWEAVE_THERAPY_URL", "http://localhost:8082"),
            "prescription-service", env("CAREWEAVE_PRESCRIPTION_URL", "http://localhost:8083"),
            "chat-service", env("CAREWEAVE_CHAT_URL", "http://localhost:8084"),
            "gateway", GATEWAY);

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(12);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Stack.class.getName(), key -> start(), Started.class);
    }

    private static Started start() {
        if ("external".equals(System.getenv("CAREWEAVE_STACK")) || gatewayReady()) {
            return new Started(false);
        }
        run("up");
        Started started = new Started(true);
        // Also when the test JVM is stopped before JUnit closes the store: never leave the stack behind.
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stack-down"));
        return started;
    }

    private static boolean gatewayReady() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(GATEWAY + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                            .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts whatever component of the stack is not running (the script leaves running ones alone). */
    static void startStopped() {
        run("up");
    }

    /**
     * One component through the local runner, for fault drills: {@code kill} (SIGKILL), {@code stop} (clean) or
     * {@code start} (returns once it is healthy). Components: postgres, kafka, keycloak or a service.
     */
    static void component(String command, String component) {
        run(Map.of(), command, component);
    }

    /** {@code start} of one component with extra environment, e.g. tracing switched on for one test. */
    static void component(String command, String component, Map<String, String> environment) {
        run(environment, command, component);
    }

    /** The pid of a component the local runner started, from its state folder. */
    static long pidOf(String component) throws IOException {
        Path root = Path.of(System.getProperty("careweave.repo.root", "..")).toAbsolutePath().normalize();
        Path state = Path.of(env("CAREWEAVE_STATE_DIR", root.resolve("deploy/local/.state").toString()));
        return Long.parseLong(Files.readString(state.resolve("run/" + component + ".pid")).strip());
    }

    private static void run(String... command) {
        run(Map.of(), command);
    }

    private static void run(Map<String, String> environment, String... command) {
        Path root = Path.of(System.getProperty("careweave.repo.root", "..")).toAbsolutePath().normalize();
        File log = root.resolve("system-tests/target/stack-" + String.join("-", command) + ".log").toFile();
        try {
            Files.createDirectories(log.toPath().getParent());
            List<String> commandLine = new ArrayList<>();
            commandLine.add(root.resolve("deploy/local/careweave").toString());
            commandLine.addAll(List.of(command));
            ProcessBuilder builder = new ProcessBuilder(commandLine)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log);
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("careweave " + String.join(" ", command) + " timed out; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("careweave " + String.join(" ", command) + " failed:\n" + Files.readString(log.toPath()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("careweave " + String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Closed when the whole run ends: stops the stack, once, only if this run started it. */
    private static final class Started implements ExtensionContext.Store.CloseableResource {

        private final boolean byThisRun;
        private final AtomicBoolean stopped = new AtomicBoolean();

        Started(boolean byThisRun) {
            this.byThisRun = byThisRun;
        }

        @Override
        public void close() {
            if (byThisRun && stopped.compareAndSet(false, true)) {
                run("down");
            }
        }
    }
}
