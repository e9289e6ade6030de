package org.careweave.chat.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.chat.domain.Conversation;
import org.careweave.chat.domain.ConversationKind;
import org.careweave.platform.access.Caller;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.careteam.CareTeamDirectory;
import org.careweave.platform.careteam.CareTeamRole;
import org.careweave.platform.problem.ProblemException;

/**
 * Who is in a conversation, decided at every use from the care-team directory (through {@link CareTeams}, which
 * knows when a team changed), so a provider removed from the team loses access with the next care-team event. A
 * patient is in their own CARE_TEAM and SUPPORT conversations; a provider (by token role) in CARE_TEAM while on the
 * team and in TEAM_ONLY while the patient's therapist or prescriber. Anyone else gets 404, audited.
 */
@ApplicationScoped
public class ConversationAccess {

    public static final String RESOURCE = "chat-conversation";
    private static final Set<CareTeamRole> TEAM_ONLY_ROLES = Set.of(CareTeamRole.THERAPIST, CareTeamRole.PRESCRIBER);

    @Inject
    Caller caller;

    @Inject
    CareTeamDirectory directory;

    @Inject
    CareTeams teams;

    @Inject
    AuditTrail audit;

    /** The caller of the current request or WebSocket callback. */
    public ChatUser currentUser() {
        Set<String> roles = Stream.of(Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR,
                Roles.ADMIN).filter(caller::hasRole).collect(Collectors.toSet());
        return new ChatUser(caller.id(), roles);
    }

    public boolean isMember(ChatUser user, Conversation conversation) {
        return isMember(user, conversation, () -> teams.of(conversation.patientId, null));
    }

    private static boolean isMember(ChatUser user, Conversation conversation, Supplier<CareTeams.Team> team) {
        boolean patient = user.isPatient() && user.id().equals(conversation.patientId);
        return switch (conversation.kind) {
            case SUPPORT -> patient;
            case CARE_TEAM -> patient || (user.isProvider() && team.get().has(user.id()));
            case TEAM_ONLY -> user.isProvider() && team.get().hasAnyRole(user.id(), TEAM_ONLY_ROLES);
        };
    }

    /** The conversation, if the user is in it; otherwise 404 and a DENIED audit entry. */
    public Conversation require(ChatUser user, UUID conversationId, String action) {
        Conversation conversation = conversationId == null ? null : Conversation.findById(conversationId);
        return require(user, conversationId, conversation, () -> teams.of(conversation.patientId, null), action);
    }

    /** As {@link #require(ChatUser, UUID, String)}, for a conversation already read (null if none) and its team. */
    public Conversation require(ChatUser user, UUID conversationId, Conversation conversation, CareTeams.Team team,
            String action) {
        return require(user, conversationId, conversation, () -> team, action);
    }

    private Conversation require(ChatUser user, UUID conversationId, Conversation conversation,
            Supplier<CareTeams.Team> team, String action) {
        if (conversation == null || !isMember(user, conversation, team)) {
            audit.record(action, RESOURCE, String.valueOf(conversationId),
                    conversation == null ? null : conversation.patientId, AuditTrail.Outcome.DENIED);
            throw ProblemException.notFound("Conversation");
        }
        return conversation;
    }

    /** User ids that currently belong to the conversation (automated support is not a user). */
    public Set<String> memberIds(Conversation conversation) {
        return memberIds(conversation, conversation.kind == ConversationKind.SUPPORT ? null
                : teams.of(conversation.patientId, null));
    }

    /** As {@link #memberIds(Conversation)}, with the team as read by the caller (unused for SUPPORT). */
    public Set<String> memberIds(Conversation conversation, CareTeams.Team team) {
        Set<String> members = new HashSet<>();
        if (conversation.kind != ConversationKind.TEAM_ONLY) {
            members.add(conversation.patientId);
        }
        if (conversation.kind != ConversationKind.SUPPORT) {
            for (CareTeams.Member member : team.members()) {
                if (conversation.kind == ConversationKind.CARE_TEAM || TEAM_ONLY_ROLES.contains(member.role())) {
                    members.add(member.providerId());
                }
            }
        }
        return members;
    }

    /** The patient's care team, read now (see {@link CareTeams}). */
    public CareTeams.Team team(Conversation conversation, String version) {
        return teams.of(conversation.patientId, version);
    }

    /** Every conversation the user is in. */
    public List<Conversation> visibleTo(ChatUser user) {
        List<Conversation> visible = new ArrayList<>();
        if (user.isPatient()) {
            visible.addAll(Conversation.list("patientId = ?1 and kind in ?2", user.id(),
                    List.of(ConversationKind.CARE_TEAM, ConversationKind.SUPPORT)));
        }
        if (user.isProvider()) {
            List<String> patients = directory.patientsOf(user.id());
            if (!patients.isEmpty()) {
                Conversation.<Conversation> list("patientId in ?1 and kind in ?2", patients,
                        List.of(ConversationKind.CARE_TEAM, ConversationKind.TEAM_ONLY)).stream()
                        .filter(conversation -> isMember(user, conversation))
                        .forEach(visible::add);
            }
        }
        return visible;
    }
}
