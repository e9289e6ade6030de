package org.careweave.chat.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.chat.access.ChatUser;
import org.careweave.chat.access.ConversationAccess;
import org.careweave.chat.events.ChatEventPublisher;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;

/**
 * Every message, from the socket or the REST fallback, takes this path: validation and crisis screening
 * ({@link #screen}), then in one transaction access, idempotency, limits (never for a crisis hit), storage, the risk
 * flag and automated replies ({@link #post}). The message is committed before anyone is told about it, so an
 * acknowledged message is never lost.
 */
@ApplicationScoped
public class MessagePipeline {

    public static final int MAX_TEXT_LENGTH = 4000;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 100;
    static final String MESSAGE_RESOURCE = "chat-message";
    private static final List<String> PROVIDER_ROLE_ORDER = List.of(Roles.PSYCHIATRIST, Roles.THERAPIST,
            Roles.CARE_COORDINATOR);

    @Inject
    ConversationAccess access;

    @Inject
    SendRateLimit rateLimit;

    @Inject
    CrisisDetector crisisDetector;

    @Inject
    AutomatedSupport automatedSupport;

    @Inject
    CareTeamAvailability availability;

    @Inject
    ChatEventPublisher events;

    @Inject
    AuditTrail audit;

    /**
     * @param conversation the conversation, for delivery to its members
     * @param replayed     true when {@code idempotencyKey} named a message stored before: nothing new was stored
     * @param replies      automated replies to the message, crisis resources first
     */
    public record Posted(Conversation conversation, ChatMessage message, boolean replayed, List<ChatMessage> replies) {
    }

    /**
     * A validated message and, when its author is a patient, its crisis screening. Screening is CPU work of
     * milliseconds: done before the conversation's lock and the transaction, it holds neither.
     */
    public record Screened(ChatUser author, String text, String idempotencyKey, Optional<RiskAssessment> risk) {
    }

    public Screened screen(ChatUser author, String text, String idempotencyKey) {
        validate(text, idempotencyKey);
        // Only a patient's own conversations are screened (see post); a patient writes in no others.
        return new Screened(author, text, idempotencyKey,
                author.isPatient() ? crisisDetector.assess(text) : Optional.empty());
    }

    @Transactional
    public Posted post(Screened screened, UUID conversationId) {
        ChatUser author = screened.author();
        String text = screened.text();
        String idempotencyKey = screened.idempotencyKey();
        Conversation conversation = access.require(author, conversationId, "send");
        // Serializes writers of this conversation until commit: sequence numbers follow commit order.
        Conversation.lockForPosting(conversation.id);

        if (idempotencyKey != null) {
            Optional<ChatMessage> earlier = ChatMessage.retried(conversation.id, author.id(), idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().body.equals(text)) {
                    throw ProblemException.unprocessable("This idempotency key was already used for a different message");
                }
                return new Posted(conversation, earlier.get(), true, ChatMessage.repliesTo(earlier.get().id));
            }
        }
        boolean fromPatient = author.isPatient() && author.id().equals(conversation.patientId);
        // Screened before any limit: a patient in crisis is answered even after writing a lot in a bad hour.
        Optional<RiskAssessment> risk = fromPatient ? screened.risk() : Optional.empty();
        if (risk.isEmpty()) {
            rateLimit.check(author.id());
        }

        ChatMessage message = store(conversation, author.id(), roleOf(author, conversation), MessageKind.TEXT, text,
                idempotencyKey, null);
        audit.record("send", MESSAGE_RESOURCE, message.id.toString(), conversation.patientId, AuditTrail.Outcome.SUCCESS);
        if (author.isProvider()) {
            availability.sending(author.id());
        }

        List<ChatMessage> replies = new ArrayList<>();
        if (fromPatient) {
            if (risk.isPresent()) {
                raiseFlag(conversation, message, risk.get());
                ChatMessage reply = store(conversation, null, ChatMessage.AUTOMATED_ROLE, MessageKind.CRISIS_RESOURCES,
                        automatedSupport.crisisReply(risk.get().severity()), null, message.id);
                reply.crisisSeverity = risk.get().severity();
                replies.add(reply);
            } else {
                selfHelp(conversation, message).ifPresent(replies::add);
            }
        }
        return new Posted(conversation, message, false, replies);
    }

    private Optional<ChatMessage> selfHelp(Conversation conversation, ChatMessage message) {
        boolean answer = switch (conversation.kind) {
            case SUPPORT -> true;
            // Once per absence window, so a patient writing several messages is not answered by a bot each time.
            case CARE_TEAM -> !availability.anyoneOnline(conversation.patientId)
                    && !ChatMessage.automatedReplySince(conversation.id, MessageKind.SELF_HELP,
                            Instant.now().minus(availability.absence()));
            case TEAM_ONLY -> false;
        };
        if (!answer) {
            return Optional.empty();
        }
        long turn = ChatMessage.count("conversationId = ?1 and kind = ?2", conversation.id, MessageKind.SELF_HELP);
        String reply = automatedSupport.selfHelpReply(message.body, turn,
                conversation.kind == ConversationKind.CARE_TEAM);
        return Optional.of(store(conversation, null, ChatMessage.AUTOMATED_ROLE, MessageKind.SELF_HELP, reply, null,
                message.id));
    }

    private void raiseFlag(Conversation conversation, ChatMessage message, RiskAssessment risk) {
        RiskFlag flag = new RiskFlag();
        flag.id = UUID.randomUUID();
        flag.conversationId = conversation.id;
        flag.messageId = message.id;
        flag.severity = risk.severity();
        flag.category = risk.category();
        flag.raisedAt = message.sentAt;
        flag.persist();
        events.riskFlagRaised(conversation.patientId, flag);
    }

    private static ChatMessage store(Conversation conversation, String authorId, String authorRole, MessageKind kind,
            String body, String idempotencyKey, UUID replyTo) {
        ChatMessage message = new ChatMessage();
        message.id = UUID.randomUUID();
        message.conversationId = conversation.id;
        message.authorId = authorId;
        message.authorRole = authorRole;
        message.kind = kind;
        message.automated = authorId == null;
        message.body = body;
        message.idempotencyKey = idempotencyKey;
        message.replyTo = replyTo;
        message.sentAt = Instant.now();
        message.persist();
        return message;
    }

    private static String roleOf(ChatUser author, Conversation conversation) {
        if (author.isPatient() && author.id().equals(conversation.patientId)) {
            return Roles.PATIENT;
        }
        return PROVIDER_ROLE_ORDER.stream().filter(author.roles()::contains).findFirst().orElse("provider");
    }

    /** The socket path has no Bean Validation, so the pipeline checks the limits itself. */
    private static void validate(String text, String idempotencyKey) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (text == null || text.isBlank()) {
            errors.add(new Problem.FieldError("text", "must not be blank"));
        } else if (text.length() > MAX_TEXT_LENGTH) {
            errors.add(new Problem.FieldError("text", "size must be between 1 and " + MAX_TEXT_LENGTH));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            errors.add(new Problem.FieldError("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The message is invalid", errors);
        }
    }
}
