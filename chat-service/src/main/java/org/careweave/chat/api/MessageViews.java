package org.careweave.chat.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.chat.domain.AutomatedSupport;
import org.careweave.chat.domain.ChatMessage;
import org.careweave.chat.domain.MessageKind;
import org.careweave.chat.domain.RiskSeverity;

/** Maps stored messages to what clients see. */
@ApplicationScoped
public class MessageViews {

    @Inject
    AutomatedSupport automatedSupport;

    public MessageView of(ChatMessage message) {
        return new MessageView(message.id, message.conversationId, message.seq, message.authorId, message.authorRole,
                message.automated ? AutomatedSupport.AUTHOR_NAME : null, message.automated, message.kind, message.body,
                message.sentAt, message.replyTo,
                message.kind == MessageKind.CRISIS_RESOURCES ? automatedSupport.crisisResources(severityOf(message)) : null);
    }

    /** Migration V4 filled in the severity of earlier replies from their flags; without one, as for HIGH. */
    private static RiskSeverity severityOf(ChatMessage message) {
        return message.crisisSeverity == null ? RiskSeverity.HIGH : message.crisisSeverity;
    }

    public List<MessageView> of(List<ChatMessage> messages) {
        return messages.stream().map(this::of).toList();
    }
}
