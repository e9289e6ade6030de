package org.careweave.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

/** One realistic payload per catalog entry; the exhaustive switch fails to compile when an entry has none. */
final class EventSamples {

    static final String PATIENT = "5b0e2a7c-3f1d-4c9e-9a51-0d6f8e2b7c41";
    static final String THERAPIST = "a3c9f1e2-7b4d-4e8a-b6c5-2f1e9d8c7b6a";
    static final String PRESCRIBER = "e7d6c5b4-a3f2-4e1d-8c9b-0a1f2e3d4c5b";
    static final String CARE_PLAN = "0f4c2b8e-6d1a-4b3c-9e7f-5a2d8c1b6e90";
    static final String SESSION = "9c8b7a6f-5e4d-4c3b-a2f1-0e9d8c7b6a54";
    static final String PRESCRIPTION = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    static final String REFILL = "6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c";
    static final String CONVERSATION = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a";
    static final Instant AT = Instant.parse("2026-03-02T15:00:00.123456Z");

    private EventSamples() {
    }

    static EventPayload of(EventCatalog entry) {
        return switch (entry) {
            case CARE_PLAN_CREATED -> new CarePlanCreated(PATIENT, CARE_PLAN, "COMBINED", "PROPOSED",
                    "COMBINED_MAJOR_DEPRESSION");
            case CARE_PLAN_REVISED -> new CarePlanRevised(PATIENT, CARE_PLAN, 2, "COMBINED", 3);
            case CARE_PLAN_STATUS_CHANGED -> new CarePlanStatusChanged(PATIENT, CARE_PLAN, "PROPOSED", "ACTIVE");
            case CARE_TEAM_CHANGED -> new CareTeamChanged(PATIENT, CARE_PLAN, List.of(
                    new CareTeamChanged.Member(THERAPIST, "THERAPIST"),
                    new CareTeamChanged.Member(PRESCRIBER, "PRESCRIBER")));
            case REVIEW_REQUESTED -> new ReviewRequested(PATIENT, CARE_PLAN, "NO_RESPONSE_THERAPY_ONLY",
                    "PHQ-9 dropped less than 50% after 8 weeks of therapy only; consider adding medication.");
            case SESSION_SCHEDULED -> new SessionScheduled(PATIENT, SESSION, THERAPIST, AT, 50, "CBT", "VIDEO",
                    "3e2d1c0b-9a8f-4e7d-b6c5-a4f3e2d1c0b9");
            case SESSION_RESCHEDULED -> new SessionRescheduled(PATIENT, SESSION, THERAPIST, AT, AT.plusSeconds(86_400));
            case SESSION_CANCELLED -> new SessionCancelled(PATIENT, SESSION, THERAPIST, AT, true);
            case SESSION_COMPLETED -> new SessionCompleted(PATIENT, SESSION, THERAPIST, AT.plusSeconds(3_000), 812, true);
            case SESSION_NO_SHOW -> new SessionNoShow(PATIENT, SESSION, THERAPIST, AT);
            case ASSESSMENT_SCORED -> new AssessmentScored(PATIENT, "7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b", "PHQ9", 17,
                    "MODERATELY_SEVERE", false, null, AT);
            case PRESCRIPTION_ISSUED -> new PrescriptionIssued(PATIENT, PRESCRIPTION, PRESCRIBER, "sertraline", "SSRI",
                    new BigDecimal("50"), "mg", "once daily", LocalDate.of(2026, 3, 2));
            case DOSE_CHANGED -> new DoseChanged(PATIENT, PRESCRIPTION, PRESCRIBER, new BigDecimal("50"), "mg",
                    new BigDecimal("12.50"), "mg");
            case PRESCRIPTION_DISCONTINUED -> new PrescriptionDiscontinued(PATIENT, PRESCRIPTION, PRESCRIBER);
            case REFILL_REQUESTED -> new RefillRequested(PATIENT, PRESCRIPTION, REFILL);
            case REFILL_DECIDED -> new RefillDecided(PATIENT, PRESCRIPTION, REFILL, true, PRESCRIBER);
            case DOSE_CHECK_IN_RECORDED -> new DoseCheckInRecorded(PATIENT, PRESCRIPTION, "TAKEN", AT);
            case SIDE_EFFECT_REPORTED -> new SideEffectReported(PATIENT, PRESCRIPTION, "nausea", "MODERATE");
            case CONVERSATION_OPENED -> new ConversationOpened(PATIENT, CONVERSATION, "CARE_TEAM");
            case RISK_FLAG_RAISED -> new RiskFlagRaised(PATIENT, CONVERSATION, "IMMINENT", "ATTEMPT", AT);
        };
    }
}
