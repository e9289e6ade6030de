package org.careweave.deploy.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus' {@code promtool}. When it is missing, it comes from Debian's {@code prometheus} package: installed
 * with apt-get when running as root on Debian (as on a fresh CI machine), otherwise the failure says what to install.
 */
final class Promtool {

    private static final Path DEBIAN_PROMTOOL = Path.of("/usr/bin/promtool");

    private final String executable;

    private Promtool(String executable) {
        this.executable = executable;
    }

    static Promtool findOrInstall() throws IOException, InterruptedException {
        String onPath = which();
        if (onPath != null) {
            return new Promtool(onPath);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean apt = Files.isExecutable(Path.of("/usr/bin/apt-get"));
        if (!root || !apt) {
            throw new IllegalStateException("promtool is missing: install Prometheus' promtool (Debian/Ubuntu: "
                    + "apt-get install prometheus), or run the build as root on Debian to have it installed");
        }
        Result update = run(List.of("apt-get", "update", "-qq"), 600);
        Result install = run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "prometheus"), 900);
        if (install.exit() != 0 || !Files.isExecutable(DEBIAN_PROMTOOL)) {
            throw new IllegalStateException("Installing Debian's prometheus package for promtool failed:\n"
                    + update.output() + install.output());
        }
        return new Promtool(DEBIAN_PROMTOOL.toString());
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        return run(command, 120);
    }

    private static String which() throws IOException, InterruptedException {
        Result result = run(List.of("sh", "-c", "command -v promtool"), 30);
        return result.exit() == 0 ? result.output().strip() : null;
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("promtool", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    record Result(int exit, String output) {
    }
}
