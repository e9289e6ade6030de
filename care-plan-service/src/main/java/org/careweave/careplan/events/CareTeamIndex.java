package org.careweave.careplan.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

/**
 * Every patient's current care team (therapist, prescriber, coordinator) in memory, so the shared feed read is
 * filtered per provider without a query per subscriber. Loaded once, then reloaded for the patients whose timeline
 * shows a team change (plan created, care team changed), which every replica reads in seq order.
 */
final class CareTeamIndex {

    private final Map<String, List<String>> teams = new ConcurrentHashMap<>();

    void loadAll(EntityManager em) {
        teams.clear();
        store(em.createQuery("select patientId, therapistId, prescriberId, coordinatorId from CarePlan",
                Object[].class).getResultList());
    }

    void reload(EntityManager em, Collection<String> patientIds) {
        patientIds.forEach(teams::remove);
        store(em.createQuery("select patientId, therapistId, prescriberId, coordinatorId from CarePlan "
                + "where patientId in ?1", Object[].class).setParameter(1, patientIds).getResultList());
    }

    /** The providers on the patient's team, each once. */
    List<String> membersOf(String patientId) {
        return teams.getOrDefault(patientId, List.of());
    }

    int patients() {
        return teams.size();
    }

    private void store(List<Object[]> rows) {
        for (Object[] row : rows) {
            List<String> members = Stream.of(row[1], row[2], row[3]).filter(m -> m != null).map(String.class::cast)
                    .distinct().toList();
            teams.merge((String) row[0], members,
                    (a, b) -> Stream.concat(a.stream(), b.stream()).distinct().toList());
        }
    }
}
