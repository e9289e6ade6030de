package org.careweave.platform.events;

/** The data of a catalog event. Every event is about one patient. */
public interface EventPayload {

    /** Becomes the CloudEvent {@code subject} and the Kafka record key. */
    String patientId();
}
