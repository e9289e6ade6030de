package org.careweave.chat.domain;

import java.time.Duration;

/** The sender has used up their messages for the current window. */
public class SendRateExceeded extends RuntimeException {

    private final long retryAfterSeconds;

    /** {@code help}: the crisis resources, as the detail names them. */
    public SendRateExceeded(int maxMessages, Duration window, Duration retryAfter, String help) {
        this(maxMessages, window, Math.max(1, (retryAfter.toMillis() + 999) / 1000), help);
    }

    private SendRateExceeded(int maxMessages, Duration window, long retryAfterSeconds, String help) {
        super("You can send at most " + maxMessages + " messages per " + window.toSeconds()
                + " seconds; try again in " + retryAfterSeconds + " seconds. If you need help urgently: " + help + ".");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
