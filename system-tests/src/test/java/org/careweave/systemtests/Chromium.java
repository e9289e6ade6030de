package org.careweave.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The machine's Debian Chromium, driven by Playwright. Playwright never downloads a browser here: the Debian package
 * is installed (as root, with apt-get) when it is missing, and Playwright is told to skip its own download.
 */
final class Chromium {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CAREWEAVE_CHROMIUM", "/usr/bin/chromium"));

    // Without the background-networking switches Chromium keeps calling home, which this closed network refuses.
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Chromium() {
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        ensureInstalled();
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
    }

    private static synchronized void ensureInstalled() {
        if (Files.isExecutable(EXECUTABLE)) {
            return;
        }
        Path root = Path.of(System.getProperty("careweave.repo.root", "..")).toAbsolutePath().normalize();
        File log = root.resolve("system-tests/target/apt-chromium.log").toFile();
        run(log, "apt-get", "update");
        run(log, "apt-get", "install", "-y", "--no-install-recommends", "chromium");
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is still missing after apt-get; see " + log);
        }
    }

    private static void run(File log, String... command) {
        try {
            Files.createDirectories(log.toPath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed (Chromium must be installed as "
                        + "root, or give its path in CAREWEAVE_CHROMIUM); see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
