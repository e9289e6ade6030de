package org.careweave.chat.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.chat.access.CareTeams;
import org.careweave.chat.access.ChatUser;
import org.careweave.chat.access.ConversationAccess;
import org.careweave.chat.events.ChatEventPublisher;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;

/**
 * Every message, from the socket or the REST fallback, takes this path: validation and crisis screening
 * ({@link #screen}), then in one transaction the conversation's lock, access, limits (never for a crisis hit), storage
 * (or, for a retry, the message stored before), the risk flag and automated replies ({@link #post}). The message is
 * committed before anyone is told about it, so an acknowledged message is never lost. A plain message costs a few
 * round trips: the locking statement also reads the care team's version and the author's count, the team comes from
 * {@link CareTeams}, and the idempotency key is checked by the insert.
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
     * @param team         the patient's care team as of the post, which decides who the message is delivered to
     */
    public record Posted(Conversation conversation, ChatMessage message, boolean replayed, List<ChatMessage> replies,
            CareTeams.Team team) {
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
        // The conversation's lock first: it serializes this conversation's writers until commit (sequence numbers
        // follow commit order), and its statement reads what the checks below need.
        Conversation.Locked locked = conversationId == null ? null
                : Conversation.lockForPosting(conversationId, author.id(), rateLimit.windowStart()).orElse(null);
        CareTeams.Team team = locked == null ? null : access.team(locked.conversation(), locked.teamVersion());
        Conversation conversation = access.require(author, conversationId, locked == null ? null : locked.conversation(),
                team, "send");

        boolean fromPatient = author.isPatient() && author.id().equals(conversation.patientId);
        // Screened before any limit: a patient in crisis is answered even after writing a lot in a bad hour.
        Optional<RiskAssessment> risk = fromPatient ? screened.risk() : Optional.empty();
        if (risk.isEmpty() && rateLimit.exceeded(locked.authorMessagesSince())) {
            // A retry of a message stored before the limit was reached is answered as before, not refused.
            Optional<ChatMessage> earlier = idempotencyKey == null ? Optional.empty()
                    : ChatMessage.retried(conversation.id, author.id(), idempotencyKey);
            return replay(conversation, team, earlier.orElseThrow(() -> rateLimit.refusal(author.id())), text);
        }

        ChatMessage message = message(conversation, author.id(), roleOf(author, conversation), MessageKind.TEXT, text,
                idempotencyKey, null);
        if (!message.insertUnlessRetried()) {
            return replay(conversation, team,
                    ChatMessage.retried(conversation.id, author.id(), idempotencyKey).orElseThrow(), text);
        }
        audit.record("send", MESSAGE_RESOURCE, message.id.toString(), conversation.patientId, AuditTrail.Outcome.SUCCESS);
        if (author.isProvider()) {
            availability.sending(author.id());
        }

        List<ChatMessage> replies = new ArrayList<>();
        if (fromPatient) {
            if (risk.isPresent()) {
                raiseFlag(conversation, message, risk.get());
                ChatMessage reply = message(conversation, null, ChatMessage.AUTOMATED_ROLE, MessageKind.CRISIS_RESOURCES,
                        automatedSupport.crisisReply(risk.get().severity()), null, message.id);
                reply.crisisSeverity = risk.get().severity();
                reply.insertUnlessRetried();
                replies.add(reply);
            } else {
                selfHelp(conversation, team, message).ifPresent(replies::add);
            }
        }
        return new Posted(conversation, message, false, replies, team);
    }

    /** The message stored before under the same idempotency key, and its replies; a different text is refused. */
    private static Posted replay(Conversation conversation, CareTeams.Team team, ChatMessage earlier, String text) {
        if (!earlier.body.equals(text)) {
            throw ProblemException.unprocessable("This idempotency key was already used for a different message");
        }
        return new Posted(conversation, earlier, true, ChatMessage.repliesTo(earlier.id), team);
    }

    private Optional<ChatMessage> selfHelp(Conversation conversation, CareTeams.Team team, ChatMessage message) {
        boolean answer = switch (conversation.kind) {
            case SUPPORT -> true;
            // Once per absence window, so a patient writing several messages is not answered by a bot each time.
            case CARE_TEAM -> !availability.anyoneOnline(team.members().stream().map(CareTeams.Member::providerId)
                    .toList())
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
        ChatMessage selfHelp = message(conversation, null, ChatMessage.AUTOMATED_ROLE, MessageKind.SELF_HELP, reply,
                null, message.id);
        selfHelp.insertUnlessRetried();
        return Optional.of(selfHelp);
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

    private static ChatMessage message(Conversation conversation, String authorId, String authorRole, MessageKind kind,
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
