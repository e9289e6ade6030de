package org.careweave.chat.domain;

import java.time.Duration;

/** The sender has used up their messages for the current window. */
public class SendRateExceeded extends RuntimeException {

    private final long retryAfterSeconds;

    public SendRateExceeded(int maxMessages, Duration window, Duration retryAfter, String emergencyNumber) {
        this(maxMessages, window, Math.max(1, (retryAfter.toMillis() + 999) / 1000), emergencyNumber);
    }

    private SendRateExceeded(int maxMessages, Duration window, long retryAfterSeconds, String emergencyNumber) {
        super("You can send at most " + maxMessages + " messages per " + window.toSeconds()
                + " seconds; try again in " + retryAfterSeconds + " seconds. If you need help urgently, call or text"
                + " 988 (Suicide & Crisis Lifeline, US) or call " + emergencyNumber + ".");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
