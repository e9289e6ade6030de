package org.careweave.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCatalogTest {

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void typeIsVersionedAndPublishedOnItsServiceTopic(EventCatalog entry) {
        assertTrue(entry.type().matches("careweave\\.[a-z-]+\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+"), entry.type());
        String service = entry.type().split("\\.")[1];
        assertEquals(service + ".events", entry.topic());
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void lookupsFindTheEntry(EventCatalog entry) {
        assertEquals(entry, EventCatalog.forType(entry.type()).orElseThrow());
        assertEquals(entry, EventCatalog.forPayload(entry.payloadType()).orElseThrow());
        assertNotNull(getClass().getClassLoader().getResource(entry.schemaPath()), entry.schemaPath());
    }

    @Test
    void everyPayloadRecordIsInTheCatalogExactlyOnce() throws IOException {
        List<String> cataloged = Arrays.stream(EventCatalog.values()).map(entry -> entry.payloadType().getName()).toList();
        assertEquals(cataloged.size(), Set.copyOf(cataloged).size(), "a payload class appears twice");
        assertEquals(Set.copyOf(cataloged), payloadClassesInIndex());
    }

    @Test
    void schemaFolderHoldsTheEnvelopeAndOneSchemaPerType() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getClassLoader().getResource(EventCatalog.SCHEMA_DIR).toURI());
        Set<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> expected = Stream.concat(Stream.of("cloudevent"), Arrays.stream(EventCatalog.values()).map(EventCatalog::type))
                .map(name -> name + ".json")
                .collect(Collectors.toSet());
        assertEquals(expected, files);
    }

    @Test
    void dlqTopicSitsBesideItsTopic() {
        assertEquals("therapy.events.dlq", Topics.dlq(Topics.THERAPY));
    }

    /** Reads the index the build wrote, so a new record left out of the catalog cannot hide. */
    private static Set<String> payloadClassesInIndex() throws IOException {
        Index index;
        try (InputStream in = EventPayload.class.getResourceAsStream("/META-INF/jandex.idx")) {
            assertNotNull(in, "jandex index missing");
            index = new IndexReader(in).read();
        }
        return index.getAllKnownImplementations(EventPayload.class).stream()
                .map(ClassInfo::name)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }
}
