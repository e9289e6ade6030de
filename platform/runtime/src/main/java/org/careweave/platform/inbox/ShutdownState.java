package org.careweave.platform.inbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Whether this instance has begun to shut down. From then on Hibernate and the datasource close under
 * running handlers (Quarkus closes them after the shutdown event, the Kafka consumers later still), so a
 * handler's failure says nothing about the event.
 */
@Singleton
public class ShutdownState {

    private volatile boolean begun;

    // Before any other shutdown observer, so no failure caused by shutdown is taken for the event's fault.
    void begin(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        begun = true;
    }

    boolean begun() {
        return begun;
    }
}
