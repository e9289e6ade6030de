package org.careweave.platform.testing.broker;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Main class of the broker process started by KafkaBroker (careweave-testing); arguments: the pid of the
 * test JVM and the broker's server.properties. When that JVM ends, however it ends, the broker
 * exits too (cleanly, through Kafka's shutdown hook) and its directory is removed.
 */
public final class BrokerWatchdog {

    /** Kept until this JVM has exited: its stdin pipe closing is the cleaner's signal. */
    private static Process cleaner;

    private BrokerWatchdog() {
    }

    public static void main(String[] args) {
        Path config = Path.of(args[1]);
        Runnable exit = () -> exitAndRemove(config.getParent());
        ProcessHandle.of(Long.parseLong(args[0])).ifPresentOrElse(launcher -> launcher.onExit().thenRun(exit), exit);
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** The test JVM is gone, so nobody will start us again or remove our directory: do both ourselves. */
    private static void exitAndRemove(Path dir) {
        try {
            cleaner = new ProcessBuilder("sh", "-c", "cat >/dev/null; rm -rf \"$0\"", dir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // the directory stays in the temp folder
        }
        System.exit(0);
    }
}
