package org.careweave.platform.events;

import java.util.List;

/** Kafka topics, one per owning service. Records are keyed by patient id so one patient's events stay in order. */
public final class Topics {

    public static final String CAREPLAN = "careplan.events";
    public static final String THERAPY = "therapy.events";
    public static final String PRESCRIPTION = "prescription.events";
    public static final String CHAT = "chat.events";
    public static final List<String> ALL = List.of(CAREPLAN, THERAPY, PRESCRIPTION, CHAT);

    /**
     * The consumer group that replays dead letters (platform/runtime DeadLetters): one for every service, so a replay
     * through any of them moves the same position.
     */
    public static final String DEAD_LETTER_REPLAY_GROUP = "careweave.dead-letter-replay";

    private Topics() {
    }

    /** Dead-letter topic for events of {@code topic} that could not be processed. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
