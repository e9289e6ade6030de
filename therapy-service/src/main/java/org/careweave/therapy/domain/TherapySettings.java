package org.careweave.therapy.domain;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The practice's scheduling policy, set in application.properties (env-overridable). */
@ConfigMapping(prefix = "careweave.therapy")
public interface TherapySettings {

    Sessions sessions();

    interface Sessions {

        /** A cancellation closer than this to the start is marked late. */
        @WithDefault("24h")
        Duration lateCancellationNotice();

        /** Longest weekly series one request may book. */
        @WithDefault("52")
        int seriesMaxWeeks();

        /**
         * How long before its start a session's outcome (completed, no-show) may be recorded; zero means only
         * once it has started.
         */
        @WithDefault("0s")
        Duration outcomeRecordableBeforeStart();

        /** How far back a therapist may document a session that took place without having been booked. */
        @WithDefault("30d")
        Duration lateEntryWindow();
    }
}
