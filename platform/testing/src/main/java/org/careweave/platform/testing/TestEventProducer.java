package org.careweave.platform.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.EventCatalog;
import org.careweave.platform.events.EventPayload;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Publishes events as the other services' outboxes do: structured CloudEvents JSON, keyed by patient id. */
public final class TestEventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper mapper;

    public TestEventProducer(String bootstrap, ObjectMapper mapper) {
        this.mapper = mapper;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** Publishes {@code payload} as {@code service} (e.g. "therapy-service") would, on its catalog topic. */
    public CloudEvent publish(String service, EventPayload payload) {
        return send(CloudEvent.of("/careweave/" + service, payload, mapper));
    }

    public CloudEvent send(CloudEvent event) {
        String topic = EventCatalog.forType(event.type()).orElseThrow().topic();
        try {
            producer.send(new ProducerRecord<>(topic, event.subject(), mapper.writeValueAsString(event)))
                    .get(10, TimeUnit.SECONDS);
            return event;
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + event.type(), e);
        }
    }

    /** A record as a broken producer might write it. */
    public void sendRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
