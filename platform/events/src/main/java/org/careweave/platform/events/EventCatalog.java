package org.careweave.platform.events;

import java.util.Arrays;
import java.util.Optional;

import org.careweave.platform.events.careplan.CarePlanCreated;
import org.careweave.platform.events.careplan.CarePlanRevised;
import org.careweave.platform.events.careplan.CarePlanStatusChanged;
import org.careweave.platform.events.careplan.CareTeamChanged;
import org.careweave.platform.events.careplan.ReviewRequested;
import org.careweave.platform.events.chat.ConversationOpened;
import org.careweave.platform.events.chat.RiskFlagRaised;
import org.careweave.platform.events.prescription.DoseChanged;
import org.careweave.platform.events.prescription.DoseCheckInRecorded;
import org.careweave.platform.events.prescription.PrescriptionDiscontinued;
import org.careweave.platform.events.prescription.PrescriptionIssued;
import org.careweave.platform.events.prescription.RefillDecided;
import org.careweave.platform.events.prescription.RefillRequested;
import org.careweave.platform.events.prescription.SideEffectReported;
import org.careweave.platform.events.therapy.AssessmentScored;
import org.careweave.platform.events.therapy.SessionCancelled;
import org.careweave.platform.events.therapy.SessionCompleted;
import org.careweave.platform.events.therapy.SessionNoShow;
import org.careweave.platform.events.therapy.SessionRescheduled;
import org.careweave.platform.events.therapy.SessionScheduled;

/**
 * Every event type the platform publishes: its versioned CloudEvent type, its topic and its payload record.
 * A published entry is never edited (consumers validate strictly): a change is a new entry ({@code .v2}).
 */
public enum EventCatalog {

    CARE_PLAN_CREATED("careweave.careplan.plan.created.v1", Topics.CAREPLAN, CarePlanCreated.class),
    CARE_PLAN_REVISED("careweave.careplan.plan.revised.v1", Topics.CAREPLAN, CarePlanRevised.class),
    CARE_PLAN_STATUS_CHANGED("careweave.careplan.plan.status-changed.v1", Topics.CAREPLAN, CarePlanStatusChanged.class),
    CARE_TEAM_CHANGED("careweave.careplan.care-team.changed.v1", Topics.CAREPLAN, CareTeamChanged.class),
    REVIEW_REQUESTED("careweave.careplan.review.requested.v1", Topics.CAREPLAN, ReviewRequested.class),

    SESSION_SCHEDULED("careweave.therapy.session.scheduled.v1", Topics.THERAPY, SessionScheduled.class),
    SESSION_RESCHEDULED("careweave.therapy.session.rescheduled.v1", Topics.THERAPY, SessionRescheduled.class),
    SESSION_CANCELLED("careweave.therapy.session.cancelled.v1", Topics.THERAPY, SessionCancelled.class),
    SESSION_COMPLETED("careweave.therapy.session.completed.v1", Topics.THERAPY, SessionCompleted.class),
    SESSION_NO_SHOW("careweave.therapy.session.no-show.v1", Topics.THERAPY, SessionNoShow.class),
    ASSESSMENT_SCORED("careweave.therapy.assessment.scored.v1", Topics.THERAPY, AssessmentScored.class),

    PRESCRIPTION_ISSUED("careweave.prescription.prescription.issued.v1", Topics.PRESCRIPTION, PrescriptionIssued.class),
    DOSE_CHANGED("careweave.prescription.prescription.dose-changed.v1", Topics.PRESCRIPTION, DoseChanged.class),
    PRESCRIPTION_DISCONTINUED("careweave.prescription.prescription.discontinued.v1", Topics.PRESCRIPTION,
            PrescriptionDiscontinued.class),
    REFILL_REQUESTED("careweave.prescription.refill.requested.v1", Topics.PRESCRIPTION, RefillRequested.class),
    REFILL_DECIDED("careweave.prescription.refill.decided.v1", Topics.PRESCRIPTION, RefillDecided.class),
    DOSE_CHECK_IN_RECORDED("careweave.prescription.dose-check-in.recorded.v1", Topics.PRESCRIPTION,
            DoseCheckInRecorded.class),
    SIDE_EFFECT_REPORTED("careweave.prescription.side-effect.reported.v1", Topics.PRESCRIPTION,
            SideEffectReported.class),

    CONVERSATION_OPENED("careweave.chat.conversation.opened.v1", Topics.CHAT, ConversationOpened.class),
    RISK_FLAG_RAISED("careweave.chat.risk-flag.raised.v1", Topics.CHAT, RiskFlagRaised.class);

    /** Classpath folder of the JSON Schemas, one per type plus {@code cloudevent.json} for the envelope. */
    public static final String SCHEMA_DIR = "careweave/events/schemas/";

    private final String type;
    private final String topic;
    private final Class<? extends EventPayload> payloadType;

    EventCatalog(String type, String topic, Class<? extends EventPayload> payloadType) {
        this.type = type;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** Classpath resource of the JSON Schema (draft 2020-12) of this type's {@code data}. */
    public String schemaPath() {
        return SCHEMA_DIR + type + ".json";
    }

    public static Optional<EventCatalog> forType(String type) {
        return Arrays.stream(values()).filter(entry -> entry.type.equals(type)).findFirst();
    }

    public static Optional<EventCatalog> forPayload(Class<?> payloadType) {
        return Arrays.stream(values()).filter(entry -> entry.payloadType == payloadType).findFirst();
    }
}
