package org.careweave.chat.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.careteam.CareTeamDirectory;
import org.careweave.platform.careteam.CareTeamRole;

/**
 * Patients' care teams as of a version read in the caller's transaction, so a message does not load its team from the
 * directory each time. The version is the {@code xmin} of the patient's {@code care_team_version} row, which every
 * applied care-team change rewrites in the transaction that replaces the members: a changed team has a new version
 * and is loaded again, on every replica, with no event of its own needed.
 */
@ApplicationScoped
public class CareTeams {

    /** One provider's place on a team. */
    public record Member(String providerId, CareTeamRole role) {
    }

    /** @param version null when not known; such a team is never cached */
    public record Team(String version, List<Member> members) {

        public boolean has(String providerId) {
            return members.stream().anyMatch(member -> member.providerId().equals(providerId));
        }

        public boolean hasAnyRole(String providerId, Set<CareTeamRole> roles) {
            return members.stream().anyMatch(member -> member.providerId().equals(providerId)
                    && roles.contains(member.role()));
        }
    }

    /** Bounds the memory: past it the cache starts over (teams are reloaded on their next message). */
    private static final int MAX_TEAMS = 50_000;

    private final Map<String, Team> byPatient = new ConcurrentHashMap<>();

    @Inject
    CareTeamDirectory directory;

    /**
     * The patient's team at {@code version}, loaded in the caller's transaction unless cached for that version. A team
     * changed after the version was read may be cached under it: later readers of that version then see the newer team.
     */
    public Team of(String patientId, String version) {
        Team cached = byPatient.get(patientId);
        if (version != null && cached != null && version.equals(cached.version())) {
            return cached;
        }
        Team loaded = new Team(version, directory.team(patientId).stream()
                .map(member -> new Member(member.providerId, member.role)).toList());
        if (version != null) {
            if (byPatient.size() >= MAX_TEAMS) {
                byPatient.clear();
            }
            byPatient.put(patientId, loaded);
        }
        return loaded;
    }
}
