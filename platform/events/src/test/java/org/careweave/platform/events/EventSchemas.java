package org.careweave.platform.events;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The published schemas as a non-Java consumer would apply them, and a mapper configured like Quarkus'. */
final class EventSchemas {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Draft 2020-12 treats "format" as an annotation only unless asked; the contract relies on it.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private EventSchemas() {
    }

    static JsonSchema load(String classpathResource) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + classpathResource), CONFIG);
    }

    /** The draft 2020-12 meta-schema, bundled with the validator (no network). */
    static JsonSchema metaSchema() {
        return FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
    }

    static Set<ValidationMessage> envelopeViolations(JsonNode event) {
        return load(CloudEvent.SCHEMA_PATH).validate(event);
    }

    static Set<ValidationMessage> dataViolations(EventCatalog entry, JsonNode data) {
        return load(entry.schemaPath()).validate(data);
    }
}
