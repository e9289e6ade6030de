package org.careweave.deploy.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the Careweave repository that the checks read. */
final class Repository {

    static final Path ROOT = locateRoot();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path SCHEMAS = KUBERNETES.resolve("schemas");
    static final Path README = KUBERNETES.resolve("README.md");
    static final Path REALM = ROOT.resolve("deploy/keycloak/careweave-realm.json");
    static final Path RUNTIME_DEFAULTS = ROOT.resolve("platform/runtime/src/main/resources/META-INF/microprofile-config.properties");

    private Repository() {
    }

    static Path overlay(String name) {
        return KUBERNETES.resolve("overlays").resolve(name);
    }

    private static Path locateRoot() {
        String configured = System.getProperty("careweave.repository.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/kubernetes/overlays")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside the Careweave repository: " + start);
    }
}
