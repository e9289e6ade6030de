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

    public void check(String authorId) {
        Instant since = Instant.now().minus(window);
        if (ChatMessage.sentBySince(authorId, since) >= maxMessages) {
            Instant oldest = ChatMessage.oldestSentBySince(authorId, since).orElse(Instant.now());
            throw new SendRateExceeded(maxMessages, window, Duration.between(Instant.now(), oldest.plus(window)),
                    crisisResources.describe(RiskSeverity.HIGH));
        }
    }
}
