package org.careweave.platform.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The servers must never outlive the JVM that started them, however it ends. */
class WatchdogTest {

    @BeforeEach
    void localServersOnly() {
        assumeTrue(System.getenv(PostgresServer.URL_ENV) == null && System.getenv(KafkaBroker.BOOTSTRAP_ENV) == null,
                "external servers are not ours to stop");
    }

    @Test
    void serversStopWhenTheJvmExits() throws Exception {
        runChildThen(child -> child.getOutputStream().close());
    }

    @Test
    void serversStopWhenTheJvmIsKilled() throws Exception {
        runChildThen(Process::destroyForcibly); // SIGKILL: no shutdown hook runs
    }

    private interface Ending {
        void end(Process child) throws IOException;
    }

    private static void runChildThen(Ending ending) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServersMain.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            String[] ready = awaitReady(child);
            int postgresPort = portOf(ready[1].replaceFirst("/[^/]*$", ""));
            int kafkaPort = portOf(ready[2]);
            Path kafkaDir = Path.of(ready[3]);
            List<ProcessHandle> servers = child.descendants().toList();
            assertFalse(servers.isEmpty());

            ending.end(child);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (servers.stream().anyMatch(ProcessHandle::isAlive) || Files.exists(kafkaDir)
                    || Processes.accepts(postgresPort) || Processes.accepts(kafkaPort)) {
                if (System.nanoTime() > deadline) {
                    fail("Left behind: " + servers.stream().filter(ProcessHandle::isAlive)
                            .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList()
                            + (Files.exists(kafkaDir) ? " and " + kafkaDir : ""));
                }
                Processes.sleep(200);
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /** Reads the child's output up to its READY line, then keeps draining it in the background. */
    private static String[] awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException e) {
                        // the child is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return line.split(" ");
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The child JVM ended before starting its servers:\n" + seen);
    }

    private static int portOf(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
