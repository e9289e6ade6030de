package org.careweave.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The deployable modules of the reactor (a Quarkus application each) and their configuration. */
final class ServiceModules {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private ServiceModules() {
    }

    /** Modules with an application.properties: the four services and the gateway. */
    static List<ServiceModule> all() {
        List<ServiceModule> modules = new ArrayList<>();
        for (String module : reactorModules()) {
            Path dir = Repository.ROOT.resolve(module);
            if (Files.isRegularFile(dir.resolve("src/main/resources/application.properties"))) {
                modules.add(new ServiceModule(dir));
            }
        }
        return modules;
    }

    /** The services built on the runtime kit: they publish through the outbox and consume through the inbox. */
    static List<ServiceModule> eventDriven() {
        return all().stream().filter(ServiceModule::usesRuntimeKit).toList();
    }

    private static List<String> reactorModules() {
        try {
            Matcher m = MODULE.matcher(Files.readString(Repository.ROOT.resolve("pom.xml")));
            List<String> modules = new ArrayList<>();
            while (m.find()) {
                modules.add(m.group(1).trim());
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    record ServiceModule(Path dir) {

        /** quarkus.application.name: the Deployment, Service and KafkaUser name. */
        String name() {
            return ownProperties().getProperty("quarkus.application.name");
        }

        Properties ownProperties() {
            return load(dir.resolve("src/main/resources/application.properties"));
        }

        boolean usesRuntimeKit() {
            try {
                return Files.readString(dir.resolve("pom.xml")).contains("<artifactId>careweave-runtime</artifactId>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The configuration the service runs with outside tests: the runtime kit's defaults, overridden by its own
         * application.properties; profile-specific keys (%test. ...) left out.
         */
        Properties effectiveProperties() {
            Properties merged = new Properties();
            if (usesRuntimeKit()) {
                merged.putAll(load(Repository.RUNTIME_DEFAULTS));
            }
            merged.putAll(ownProperties());
            merged.stringPropertyNames().stream().filter(k -> k.startsWith("%")).forEach(merged::remove);
            return merged;
        }
    }
}
