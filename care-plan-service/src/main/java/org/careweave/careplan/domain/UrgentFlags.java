package org.careweave.careplan.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Raises and acknowledges urgent flags; both show on the timeline and so reach the care team's feed. */
@ApplicationScoped
public class UrgentFlags {

    @Inject
    Timeline timeline;

    @Inject
    UrgentFlagMetrics metrics;

    @Transactional(Transactional.TxType.MANDATORY)
    public UrgentFlag raise(String patientId, UrgentFlag.Source source, String severity, Instant at) {
        UrgentFlag flag = new UrgentFlag();
        flag.id = UUID.randomUUID();
        flag.patientId = patientId;
        flag.source = source;
        flag.severity = severity;
        flag.raisedAt = at;
        flag.persist();
        metrics.raised(flag);
        timeline.append(patientId, TimelineKind.URGENT_FLAG_RAISED, at, "Urgent: " + describe(source),
                Map.of("flagId", flag.id.toString(), "source", source.name(), "severity", severity));
        return flag;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledge(UrgentFlag flag, String by, Instant at) {
        flag.acknowledgedAt = at;
        flag.acknowledgedBy = by;
        timeline.append(flag.patientId, TimelineKind.URGENT_FLAG_ACKNOWLEDGED, at,
                "Urgent flag acknowledged: " + describe(flag.source),
                Map.of("flagId", flag.id.toString(), "acknowledgedBy", by));
    }

    private static String describe(UrgentFlag.Source source) {
        return switch (source) {
            case INTAKE_SELF_HARM -> "thoughts of self-harm reported at intake (PHQ-9 item 9)";
            case ASSESSMENT_SELF_HARM -> "self-harm risk in a scored assessment";
            case SEVERE_SIDE_EFFECT -> "severe medication side effect reported";
            case CHAT_RISK -> "risk detected in chat";
        };
    }
}
