package org.careweave.careplan.api;

import java.time.Instant;
import java.util.List;

import org.careweave.careplan.domain.CarePlanRevision;
import org.careweave.careplan.domain.Goal;
import org.careweave.careplan.domain.Preferences;

public record RevisionView(int revision, String modality, List<Goal> goals, Preferences preferences, String reason,
        String revisedBy, Instant revisedAt) {

    static RevisionView of(CarePlanRevision r) {
        return new RevisionView(r.revision, r.modality.name(), r.goals, r.preferences, r.reason, r.revisedBy,
                r.revisedAt);
    }
}
