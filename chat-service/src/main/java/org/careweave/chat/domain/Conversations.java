package org.careweave.chat.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.chat.access.ChatUser;
import org.careweave.chat.access.ConversationAccess;
import org.careweave.chat.events.ChatEventPublisher;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.careteam.CareTeamDirectory;
import org.careweave.platform.careteam.CareTeamRole;
import org.careweave.platform.paging.PageRequest;
import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;

/** Opening and listing conversations. There is one conversation of each kind per patient. */
@ApplicationScoped
public class Conversations {

    @Inject
    ConversationAccess access;

    @Inject
    CareTeamDirectory directory;

    @Inject
    AuditTrail audit;

    @Inject
    ChatEventPublisher events;

    public record Opened(Conversation conversation, boolean created) {
    }

    /**
     * Opens the patient's conversation of {@code kind}, or returns the one already open. Patients open their own
     * CARE_TEAM and SUPPORT conversations; a provider on the care team opens CARE_TEAM, and the patient's
     * therapist or prescriber TEAM_ONLY.
     */
    @Transactional
    public Opened open(ChatUser user, ConversationKind kind, String requestedPatientId) {
        String patientId = patientOf(user, requestedPatientId);
        boolean self = user.isPatient() && user.id().equals(patientId);
        if (!self) {
            if (!user.isProvider() || !directory.isMember(user.id(), patientId)) {
                audit.record("open", ConversationAccess.RESOURCE, null, patientId, AuditTrail.Outcome.DENIED);
                throw ProblemException.notFound("Patient");
            }
            if (kind == ConversationKind.SUPPORT) {
                throw ProblemException.forbidden("Only the patient can open a support conversation");
            }
            if (kind == ConversationKind.TEAM_ONLY && !directory.hasRole(user.id(), patientId, CareTeamRole.THERAPIST)
                    && !directory.hasRole(user.id(), patientId, CareTeamRole.PRESCRIBER)) {
                throw ProblemException.forbidden("Only the patient's therapist or prescriber can open a team-only conversation");
            }
        } else if (kind == ConversationKind.TEAM_ONLY) {
            throw ProblemException.forbidden("A team-only conversation is opened by the care team");
        }
        // Two first opens at once: the second waits here, then finds the first one's conversation.
        Conversation.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "chat.conversation:" + patientId + ":" + kind).getSingleResult();
        Conversation existing = Conversation.of(patientId, kind).orElse(null);
        if (existing != null) {
            audit.record("open", ConversationAccess.RESOURCE, existing.id.toString(), patientId, AuditTrail.Outcome.SUCCESS);
            return new Opened(existing, false);
        }
        Conversation conversation = new Conversation();
        conversation.id = UUID.randomUUID();
        conversation.patientId = patientId;
        conversation.kind = kind;
        conversation.openedBy = user.id();
        conversation.createdAt = Instant.now();
        conversation.persist();
        events.conversationOpened(conversation);
        audit.record("open", ConversationAccess.RESOURCE, conversation.id.toString(), patientId, AuditTrail.Outcome.SUCCESS);
        return new Opened(conversation, true);
    }

    @Transactional
    /** Oldest first; the page's conversations plus one more when a next page exists (see PageRequest#fetchSize). */
    public List<Conversation> mine(ChatUser user, PageRequest page) {
        List<Conversation> visible = access.visibleTo(user).stream()
                .sorted(Comparator.comparing((Conversation c) -> c.createdAt).thenComparing(c -> c.id))
                .skip(page.offset()).limit(page.fetchSize()).toList();
        visible.stream().limit(page.limit()).map(c -> c.patientId).distinct().forEach(patientId ->
                audit.record("list", ConversationAccess.RESOURCE, null, patientId, AuditTrail.Outcome.SUCCESS));
        return visible;
    }

    private static String patientOf(ChatUser user, String requestedPatientId) {
        if (requestedPatientId != null && !requestedPatientId.isBlank()) {
            return requestedPatientId;
        }
        if (user.isPatient()) {
            return user.id();
        }
        throw ProblemException.badRequest("A provider must name the patient",
                List.of(new Problem.FieldError("patientId", "must not be blank")));
    }
}
