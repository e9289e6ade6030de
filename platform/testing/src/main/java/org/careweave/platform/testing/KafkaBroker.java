package org.careweave.platform.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.careweave.platform.testing.broker.BrokerWatchdog;

/**
 * A real single-node Kafka broker (KRaft) for the tests of this JVM: the running broker named by
 * {@code CAREWEAVE_TEST_KAFKA_BOOTSTRAP}, or else a broker in its own JVM on free local ports,
 * which tests may {@link #stop()} and {@link #start()} again on the same port and data (a test
 * that stops it starts it again: later test classes share it).
 */
public final class KafkaBroker {

    public static final String BOOTSTRAP_ENV = "CAREWEAVE_TEST_KAFKA_BOOTSTRAP";

    /*
     * The local broker's state lives in system properties: Quarkus loads this class once per
     * test profile, and every copy must see the one broker of the JVM.
     */
    private static final String BOOTSTRAP_PROPERTY = "careweave.test.kafka.bootstrap";
    static final String DIR_PROPERTY = "careweave.test.kafka.dir";
    private static final String PID_PROPERTY = "careweave.test.kafka.pid";

    // Generous: on a loaded shared build machine a broker JVM alone has taken 100 s to reach main().
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static KafkaBroker shared;

    private final String bootstrapServers;
    /** The broker's temp directory; null for an external broker. */
    private final Path dir;

    private KafkaBroker(String bootstrapServers, Path dir) {
        this.bootstrapServers = bootstrapServers;
        this.dir = dir;
    }

    /** The broker of this JVM, started on first use. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            String external = System.getenv(BOOTSTRAP_ENV);
            if (external != null && !external.isBlank()) {
                shared = new KafkaBroker(external, null);
            } else if (System.getProperty(DIR_PROPERTY) != null) {
                shared = new KafkaBroker(System.getProperty(BOOTSTRAP_PROPERTY), Path.of(System.getProperty(DIR_PROPERTY)));
            } else {
                shared = startLocal();
            }
        }
        return shared;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Starts the broker again after {@link #stop()}; does nothing while it runs. */
    public synchronized void start() {
        requireLocal("start");
        if (running().isPresent()) {
            return;
        }
        Process process;
        try {
            process = new ProcessBuilder(javaCommand(BrokerWatchdog.class.getName(),
                    String.valueOf(ProcessHandle.current().pid()), dir.resolve("server.properties").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker", e);
        }
        System.setProperty(PID_PROPERTY, String.valueOf(process.pid()));
        awaitReady(process.toHandle());
    }

    /** Stops the broker cleanly and waits until it has exited; its data stays for {@link #start()}. */
    public synchronized void stop() {
        requireLocal("stop");
        running().ifPresent(broker -> {
            broker.destroy(); // SIGTERM: Kafka's shutdown hook closes the logs cleanly
            try {
                broker.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                broker.destroyForcibly();
                broker.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping the Kafka broker", e);
            }
        });
        System.clearProperty(PID_PROPERTY);
    }

    /** Freezes the broker (SIGSTOP): connections stay open but nothing is answered, as with a stalled broker. */
    public synchronized void pause() {
        signal("STOP");
    }

    /** Lets a {@link #pause() paused} broker run on (SIGCONT). */
    public synchronized void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        requireLocal(name);
        ProcessHandle broker = running().orElseThrow(() -> new IllegalStateException("The Kafka broker is not running"));
        try {
            // Not inheritIO: a forked test JVM's standard streams carry the build tool's own protocol.
            int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(broker.pid()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " failed with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot signal the Kafka broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling the Kafka broker", e);
        }
    }

    private static Optional<ProcessHandle> running() {
        return Optional.ofNullable(System.getProperty(PID_PROPERTY))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive);
    }

    private static KafkaBroker startLocal() {
        int port = Processes.freePort();
        int controllerPort = Processes.freePort();
        while (controllerPort == port) {
            controllerPort = Processes.freePort();
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("careweave-kafka-");
            Files.writeString(dir.resolve("server.properties"), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    // one node: replication 1; few partitions and no join delay keep first use fast
                    "offsets.topic.num.partitions=1",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.num.partitions=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
            Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                    "appender.out.type=Console",
                    "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=%d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                    "rootLogger.level=INFO",
                    "rootLogger.appenderRef.out.ref=out",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka broker directory", e);
        }
        KafkaBroker broker = new KafkaBroker("127.0.0.1:" + port, dir);
        Processes.run(broker.log(), broker.javaCommand("kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", dir.resolve("server.properties").toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            Processes.deleteTree(dir);
        }, "careweave-kafka-stop"));
        System.setProperty(BOOTSTRAP_PROPERTY, broker.bootstrapServers);
        System.setProperty(DIR_PROPERTY, dir.toString());
        broker.start();
        return broker;
    }

    private void awaitReady(ProcessHandle broker) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        int port = Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
        // Wait for the socket first: an admin client polling a closed port fills the test log.
        while (!Processes.accepts(port)) {
            checkAlive(broker, deadline, null);
            Processes.sleep(100);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get();
                    admin.listTopics().names().get();
                    return;
                } catch (ExecutionException e) {
                    checkAlive(broker, deadline, e);
                    Processes.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                }
            }
        }
    }

    private void checkAlive(ProcessHandle broker, long deadline, Exception cause) {
        if (!broker.isAlive() || System.nanoTime() > deadline) {
            stop();
            throw new IllegalStateException("Kafka broker did not start on " + bootstrapServers + "\n"
                    + Processes.tail(log()), cause);
        }
    }

    private Path log() {
        return dir.resolve("broker.log");
    }

    private void requireLocal(String action) {
        if (dir == null) {
            throw new UnsupportedOperationException("Cannot " + action + " the external Kafka broker named by "
                    + BOOTSTRAP_ENV + "; unset it to let tests run a broker of their own");
        }
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: halves the broker's start-up, and tests need little throughput
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** The careweave-kafka-broker jar (for BrokerWatchdog) and the broker jars it listed at build time. */
    private static String classpath() {
        try {
            Path own = Path.of(BrokerWatchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return String.join(File.pathSeparator, own.toString(),
                    resource("kafka-broker.classpath"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the careweave-kafka-broker jar", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = BrokerWatchdog.class.getResourceAsStream("/careweave/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource careweave/" + name
                        + ": it is written by the maven-dependency-plugin when careweave-kafka-broker is built");
            }
            return new String(in.readAllBytes(), UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read careweave/" + name, e);
        }
    }
}
