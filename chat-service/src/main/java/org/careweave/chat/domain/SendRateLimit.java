package org.careweave.chat.domain;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Messages per user per sliding window, counted from the stored messages so the limit holds across replicas
 * and restarts. Automated replies do not count; a message that the crisis screen flags is never refused.
 */
@ApplicationScoped
public class SendRateLimit {

    @ConfigProperty(name = "careweave.chat.rate-limit.max-messages")
    int maxMessages;

    @ConfigProperty(name = "careweave.chat.rate-limit.window")
    Duration window;

    @Inject
    CrisisResources crisisResources;

    /** Where the sliding window starts now: messages the author stored after it count. */
    public Instant windowStart() {
        return Instant.now().minus(window);
    }

    public boolean exceeded(long sentSinceWindowStart) {
        return sentSinceWindowStart >= maxMessages;
    }

    /** The refusal for an author over the limit, saying when they may send again. */
    public SendRateExceeded refusal(String authorId) {
        Instant oldest = ChatMessage.oldestSentBySince(authorId, windowStart()).orElse(Instant.now());
        return new SendRateExceeded(maxMessages, window, Duration.between(Instant.now(), oldest.plus(window)),
                crisisResources.describe(RiskSeverity.HIGH));
    }
}
