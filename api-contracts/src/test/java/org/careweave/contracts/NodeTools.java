package org.careweave.contracts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm tools of this module (package.json, pinned by package-lock.json), installed into its node_modules by
 * {@code npm ci} the first time a test needs them, so a fresh machine with node and npm needs nothing else.
 */
final class NodeTools {

    static final Path DIR = Path.of(System.getProperty("careweave.contracts.dir", ".")).toAbsolutePath().normalize();

    private NodeTools() {
    }

    static synchronized void install() throws IOException, InterruptedException {
        if (Files.exists(DIR.resolve("node_modules/.bin/spectral"))
                && Files.exists(DIR.resolve("node_modules/@asyncapi/parser/package.json"))) {
            return;
        }
        Result result = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
        if (result.exit() != 0) {
            throw new IllegalStateException("npm ci failed in " + DIR + ":\n" + result.output());
        }
    }

    record Result(int exit, String output) {
    }

    /** Runs a command in this module's folder; stdout only in the output (stderr goes to the build log). */
    static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
