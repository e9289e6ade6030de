package org.careweave.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.careweave.platform.events.EventCatalog;
import org.careweave.platform.events.Topics;

/**
 * What a service does on Kafka, read from its code and configuration: the topics it writes (its outbox
 * events, and the dead-letter topics of its failing channels) and reads (its incoming channels), and its
 * consumer groups. The KafkaUser of the service must grant exactly this.
 */
record KafkaAccess(Set<String> writes, Set<String> reads, Set<String> groups) {

    /** The runtime kit's outbox relay: one outgoing channel whose topic each record names (the event's). */
    static final String OUTBOX_CHANNEL = "outbox";
    static final String DEAD_LETTERS_PREFIX = "/api/admin/dead-letters";

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern OUTGOING_CONNECTOR = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.connector");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern CONSTRUCTION = Pattern.compile("\\bnew\\s+(\\w+)\\s*\\(");

    static KafkaAccess of(ServiceModules.ServiceModule service) {
        Properties config = service.effectiveProperties();
        Set<String> writes = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            Matcher incoming = INCOMING_TOPIC.matcher(key);
            if (incoming.matches()) {
                String channel = "mp.messaging.incoming." + incoming.group(1) + ".";
                reads.add(resolve(config, config.getProperty(key)));
                // SmallRye's defaults: the application name as group, dead-letter-topic-<channel> as DLQ.
                groups.add(resolve(config, config.getProperty(channel + "group.id", "${quarkus.application.name}")));
                if ("dead-letter-queue".equals(config.getProperty(channel + "failure-strategy"))) {
                    writes.add(resolve(config, config.getProperty(channel + "dead-letter-queue.topic",
                            "dead-letter-topic-" + incoming.group(1))));
                }
            }
            Matcher outgoing = OUTGOING_CONNECTOR.matcher(key);
            if (outgoing.matches() && !OUTBOX_CHANNEL.equals(outgoing.group(1))) {
                writes.add(resolve(config, config.getProperty("mp.messaging.outgoing." + outgoing.group(1) + ".topic",
                        outgoing.group(1))));
            }
        }
        if (config.containsKey("mp.messaging.outgoing." + OUTBOX_CHANNEL + ".connector")) {
            writes.addAll(publishedTopics(service.dir()));
        }
        if (answersDeadLetterReplays(config)) {
            // It reads every dead-letter topic and sends each event back to the topic it came from.
            Topics.ALL.forEach(topic -> {
                reads.add(Topics.dlq(topic));
                writes.add(topic);
            });
            groups.add(Topics.DEAD_LETTER_REPLAY_GROUP);
        }
        return new KafkaAccess(writes, reads, groups);
    }

    /** Whether the gateway sends the admin's dead-letter requests to this service (matched by its HTTP port). */
    static boolean answersDeadLetterReplays(Properties config) {
        Properties gateway = ServiceModules.load(Repository.ROOT.resolve("gateway/src/main/resources/application.properties"));
        String port = config.getProperty("quarkus.http.port");
        return gateway.stringPropertyNames().stream()
                .filter(key -> key.matches("careweave\\.gateway\\.routes\\.[^.]+\\.prefixes"))
                .filter(key -> List.of(gateway.getProperty(key).split(",")).contains(DEAD_LETTERS_PREFIX))
                .map(key -> gateway.getProperty(key.replace(".prefixes", ".url"), ""))
                .anyMatch(url -> port != null && url.endsWith(":" + port));
    }

    /** Topics of the catalog events whose payload records the service's main code creates (to publish them). */
    static Set<String> publishedTopics(Path serviceDir) {
        Map<String, EventCatalog> bySimpleName = Stream.of(EventCatalog.values())
                .collect(Collectors.toMap(e -> e.payloadType().getSimpleName(), e -> e));
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(serviceDir.resolve("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONSTRUCTION.matcher(Files.readString(source));
                while (m.find()) {
                    EventCatalog entry = bySimpleName.get(m.group(1));
                    if (entry != null) {
                        topics.add(entry.topic());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    private static String resolve(Properties config, String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = config.getProperty(m.group(1), m.group(2));
            if (replacement == null) {
                throw new IllegalStateException("Unresolvable ${" + m.group(1) + "} in " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(config, replacement)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
