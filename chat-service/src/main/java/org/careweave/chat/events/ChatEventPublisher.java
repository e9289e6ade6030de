package org.careweave.chat.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.chat.domain.Conversation;
import org.careweave.chat.domain.RiskFlag;
import org.careweave.platform.events.chat.ConversationOpened;
import org.careweave.platform.events.chat.RiskFlagRaised;
import org.careweave.platform.outbox.Outbox;

/** The chat's events, through the outbox. They name conversations, severities and C-SSRS categories, never message text. */
@ApplicationScoped
public class ChatEventPublisher {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void conversationOpened(Conversation conversation) {
        outbox.publish(new ConversationOpened(conversation.patientId, conversation.id.toString(),
                conversation.kind.name()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void riskFlagRaised(String patientId, RiskFlag flag) {
        outbox.publish(new RiskFlagRaised(patientId, flag.conversationId.toString(), flag.severity.name(),
                flag.category.name(), flag.raisedAt));
    }
}
