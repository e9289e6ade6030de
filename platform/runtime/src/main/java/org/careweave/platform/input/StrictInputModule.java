package org.careweave.platform.input;

import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.UUID;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Applies {@link InputLimits} to every JSON document a service reads (request bodies and WebSocket
 * frames): a string with a control character or a date outside the accepted years fails like any
 * other malformed value, so it answers 400 problem+json naming the field. A document followed by anything
 * but whitespace ({@code {"a":1} x}) is malformed as a whole, not read up to its first value.
 */
@Singleton
public class StrictInputModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("careweave-strict-input");
        module.addDeserializer(String.class, new TextDeserializer());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (Temporal.class.isAssignableFrom(type)) {
                    return new YearCheckingDeserializer(deserializer);
                }
                return type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class
                        || type == UUID.class ? new ScalarTextDeserializer(deserializer) : deserializer;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ScalarTextDeserializer(deserializer);
            }
        });
        mapper.registerModule(module);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && InputLimits.hasControlCharacter(text)) {
                // The value itself is never quoted back: it may be a patient's words.
                throw InvalidFormatException.from(parser, InputLimits.CONTROL_CHARACTERS, null, String.class);
            }
            return text;
        }
    }

    /**
     * Jackson trims the text of a date, number, UUID or enum before parsing it, and its trim drops every character up
     * to U+0020: {@code "CBT\u0000"} would be read as CBT. Such text is refused as it is in a string field.
     */
    static class ScalarTextDeserializer extends DelegatingDeserializer {

        ScalarTextDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ScalarTextDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && InputLimits.hasControlCharacter(parser.getText())) {
                throw InvalidFormatException.from(parser, InputLimits.CONTROL_CHARACTERS, null, handledType());
            }
            return super.deserialize(parser, context);
        }
    }

    static final class YearCheckingDeserializer extends ScalarTextDeserializer {

        YearCheckingDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new YearCheckingDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value != null && !InputLimits.hasAcceptedYear(value)) {
                throw InvalidFormatException.from(parser, InputLimits.YEAR_OUT_OF_RANGE, null, handledType());
            }
            return value;
        }
    }
}
