package org.careweave.platform.inbox;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Hands unprocessable records to the channel's dead-letter strategy (a nack moves them to {@code <topic>.dlq}) and
 * counts them as {@code careweave_events_dead_lettered_total{consumer, topic}}: any increase needs someone to look.
 */
@ApplicationScoped
public class DeadLetterSender {

    private final MeterRegistry registry;

    DeadLetterSender(MeterRegistry registry) {
        this.registry = registry;
    }

    CompletionStage<Void> nack(String consumer, Message<?> message, UnprocessableEventException reason) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic).orElse("unknown");
        Counter.builder("careweave.events.dead.lettered")
                .description("Records this consumer could not apply and sent to the dead-letter topic")
                .tag("consumer", consumer)
                .tag("topic", topic)
                .register(registry)
                .increment();
        return message.nack(reason);
    }
}
