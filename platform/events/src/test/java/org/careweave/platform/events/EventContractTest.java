package org.careweave.platform.events;

import static org.careweave.platform.events.EventSchemas.MAPPER;
import static org.careweave.platform.events.EventSchemas.dataViolations;
import static org.careweave.platform.events.EventSchemas.envelopeViolations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Events survive the wire and match the JSON Schemas that non-Java consumers read. */
class EventContractTest {

    private static final String SOURCE = "/careweave/test";

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void roundTripsThroughJsonAndMatchesItsSchemas(EventCatalog entry) throws Exception {
        EventPayload sample = EventSamples.of(entry);

        String json = MAPPER.writeValueAsString(CloudEvent.of(SOURCE, sample, MAPPER));
        JsonNode wire = MAPPER.readTree(json);
        assertEquals(Set.of(), envelopeViolations(wire));
        assertEquals(Set.of(), dataViolations(entry, wire.get("data")));
        assertTrue(wire.get("time").isTextual(), "time is an ISO-8601 string");

        CloudEvent parsed = MAPPER.readValue(json, CloudEvent.class);
        assertEquals(entry.type(), parsed.type());
        assertEquals(sample.patientId(), parsed.subject());
        assertEquals(sample, parsed.dataAs(entry.payloadType(), MAPPER));
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void schemaDescribesExactlyTheRecordComponents(EventCatalog entry) {
        JsonNode properties = EventSchemas.load(entry.schemaPath()).getSchemaNode().get("properties");
        Set<String> schemaFields = new HashSet<>();
        properties.fieldNames().forEachRemaining(schemaFields::add);
        Set<String> recordFields = Arrays.stream(entry.payloadType().getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        assertEquals(recordFields, schemaFields);
    }

    static Stream<String> schemaPaths() {
        return Stream.concat(Stream.of(CloudEvent.SCHEMA_PATH), Arrays.stream(EventCatalog.values()).map(EventCatalog::schemaPath));
    }

    @ParameterizedTest
    @MethodSource("schemaPaths")
    void schemaIsValidDraft202012(String schemaPath) {
        JsonNode schema = EventSchemas.load(schemaPath).getSchemaNode();
        assertEquals(Set.of(), EventSchemas.metaSchema().validate(schema));
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void rejectsAnExtraProperty(EventCatalog entry) {
        ObjectNode data = MAPPER.valueToTree(EventSamples.of(entry));
        data.put("note", "free text must never travel in an event");
        assertFalse(dataViolations(entry, data).isEmpty());
    }

    static Stream<Arguments> invalidData() {
        return Stream.of(
                invalid(EventCatalog.SESSION_SCHEDULED, "unknown modality", data -> data.put("modality", "HYPNOSIS")),
                invalid(EventCatalog.RISK_FLAG_RAISED, "unknown severity", data -> data.put("severity", "LOW")),
                invalid(EventCatalog.SESSION_SCHEDULED, "numeric time", data -> data.put("startsAt", 1_772_463_600)),
                invalid(EventCatalog.CARE_PLAN_CREATED, "id not a UUID", data -> data.put("carePlanId", "plan-1")),
                invalid(EventCatalog.PRESCRIPTION_ISSUED, "numeric dose", data -> data.put("doseAmount", 50)),
                invalid(EventCatalog.PRESCRIPTION_ISSUED, "missing prescriber", data -> data.remove("prescriberId")),
                invalid(EventCatalog.DOSE_CHECK_IN_RECORDED, "taken without time", data -> data.putNull("takenAt")),
                invalid(EventCatalog.ASSESSMENT_SCORED, "GAD-7 has no MODERATELY_SEVERE band",
                        data -> data.put("instrument", "GAD7")));
    }

    private static Arguments invalid(EventCatalog entry, String description, Consumer<ObjectNode> change) {
        return Arguments.of(entry, description, change);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidData")
    void rejectsDataThatBreaksTheContract(EventCatalog entry, String description, Consumer<ObjectNode> change) {
        ObjectNode data = MAPPER.valueToTree(EventSamples.of(entry));
        change.accept(data);
        assertFalse(dataViolations(entry, data).isEmpty(), () -> "accepted " + data);
    }

    @Test
    void rejectsAnEnvelopeWithANumericTime() {
        ObjectNode event = MAPPER.valueToTree(CloudEvent.of(SOURCE, EventSamples.of(EventCatalog.SESSION_NO_SHOW), MAPPER));
        event.put("time", 1_772_463_600);
        assertFalse(envelopeViolations(event).isEmpty());
    }
}
