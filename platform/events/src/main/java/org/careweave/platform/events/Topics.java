package org.careweave.platform.events;

/** Kafka topics, one per owning service. Records are keyed by patient id so one patient's events stay in order. */
public final class Topics {

    public static final String CAREPLAN = "careplan.events";
    public static final String THERAPY = "therapy.events";
    public static final String PRESCRIPTION = "prescription.events";
    public static final String CHAT = "chat.events";

    private Topics() {
    }

    /** Dead-letter topic for events of {@code topic} that could not be processed. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
