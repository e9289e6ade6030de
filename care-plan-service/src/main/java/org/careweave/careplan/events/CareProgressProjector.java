package org.careweave.careplan.events;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.careplan.domain.CarePlan;
import org.careweave.careplan.domain.DoseCheckIn;
import org.careweave.careplan.domain.Instrument;
import org.careweave.careplan.domain.Measurement;
import org.careweave.careplan.domain.PatientProgress;
import org.careweave.careplan.domain.ReviewTrigger;
import org.careweave.careplan.domain.Timeline;
import org.careweave.careplan.domain.TimelineKind;
import org.careweave.careplan.domain.UrgentFlag;
import org.careweave.careplan.domain.UrgentFlags;
import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.EventCatalog;
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
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns other services' events into timeline entries, caseload measurements, urgent flags and review requests. */
@ApplicationScoped
public class CareProgressProjector {

    private static final Logger LOG = Logger.getLogger(CareProgressProjector.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    Timeline timeline;

    @Inject
    UrgentFlags flags;

    @Inject
    ReviewTrigger reviews;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        Optional<EventCatalog> entry = event.catalogEntry();
        if (entry.isEmpty()) {
            // A newer type or version than this build knows: not ours to guess at.
            LOG.debugf("Skipping event type %s", event.type());
            return;
        }
        switch (entry.get()) {
            case SESSION_SCHEDULED -> scheduled(event.dataAs(SessionScheduled.class, mapper));
            case SESSION_RESCHEDULED -> rescheduled(event.dataAs(SessionRescheduled.class, mapper), event.time());
            case SESSION_CANCELLED -> cancelled(event.dataAs(SessionCancelled.class, mapper), event.time());
            case SESSION_COMPLETED -> completed(event.dataAs(SessionCompleted.class, mapper));
            case SESSION_NO_SHOW -> noShow(event.dataAs(SessionNoShow.class, mapper));
            case ASSESSMENT_SCORED -> scored(event.dataAs(AssessmentScored.class, mapper), event.time());
            case PRESCRIPTION_ISSUED -> issued(event.dataAs(PrescriptionIssued.class, mapper), event.time());
            case DOSE_CHANGED -> doseChanged(event.dataAs(DoseChanged.class, mapper), event.time());
            case PRESCRIPTION_DISCONTINUED -> discontinued(event.dataAs(PrescriptionDiscontinued.class, mapper),
                    event.time());
            case REFILL_REQUESTED -> refillRequested(event.dataAs(RefillRequested.class, mapper), event.time());
            case REFILL_DECIDED -> refillDecided(event.dataAs(RefillDecided.class, mapper), event.time());
            case DOSE_CHECK_IN_RECORDED -> checkIn(event.id(), event.dataAs(DoseCheckInRecorded.class, mapper),
                    event.time());
            case SIDE_EFFECT_REPORTED -> sideEffect(event.dataAs(SideEffectReported.class, mapper), event.time());
            case RISK_FLAG_RAISED -> riskFlag(event.dataAs(RiskFlagRaised.class, mapper), event.time());
            default -> LOG.debugf("No timeline entry for %s", event.type());
        }
    }

    private void scheduled(SessionScheduled e) {
        timeline.append(e.patientId(), TimelineKind.SESSION_SCHEDULED, e.startsAt(),
                "Therapy session scheduled (" + e.durationMinutes() + " min, " + lower(e.format()) + ")",
                details("sessionId", e.sessionId(), "therapistId", e.therapistId(), "startsAt", e.startsAt(),
                        "durationMinutes", e.durationMinutes(), "format", e.format(), "seriesId", e.seriesId()));
    }

    private void rescheduled(SessionRescheduled e, Instant at) {
        timeline.append(e.patientId(), TimelineKind.SESSION_RESCHEDULED, at, "Therapy session rescheduled",
                details("sessionId", e.sessionId(), "therapistId", e.therapistId(),
                        "previousStartsAt", e.previousStartsAt(), "startsAt", e.startsAt()));
    }

    private void cancelled(SessionCancelled e, Instant at) {
        timeline.append(e.patientId(), TimelineKind.SESSION_CANCELLED, at,
                e.late() ? "Therapy session cancelled late" : "Therapy session cancelled",
                details("sessionId", e.sessionId(), "therapistId", e.therapistId(), "startsAt", e.startsAt(),
                        "late", e.late()));
    }

    private void completed(SessionCompleted e) {
        PatientProgress progress = PatientProgress.of(e.patientId());
        if (progress.lastSessionAt == null || progress.lastSessionAt.isBefore(e.completedAt())) {
            progress.lastSessionAt = e.completedAt();
        }
        timeline.append(e.patientId(), TimelineKind.SESSION_COMPLETED, e.completedAt(),
                "Therapy session completed" + (e.homeworkAssigned() ? ", homework assigned" : ""),
                details("sessionId", e.sessionId(), "therapistId", e.therapistId(),
                        "homeworkAssigned", e.homeworkAssigned()));
    }

    private void noShow(SessionNoShow e) {
        timeline.append(e.patientId(), TimelineKind.SESSION_NO_SHOW, e.startsAt(), "Missed therapy session",
                details("sessionId", e.sessionId(), "therapistId", e.therapistId()));
    }

    private void scored(AssessmentScored e, Instant eventTime) {
        Instant at = e.scoredAt() != null ? e.scoredAt() : eventTime;
        // Lock the plan before the timeline so every writer takes the two locks in the same order.
        Optional<CarePlan> plan = CarePlan.currentOf(e.patientId()).flatMap(p -> CarePlan.findForUpdate(p.id));
        Map<String, Object> details = details("assessmentId", e.assessmentId(), "instrument", e.instrument(),
                "total", e.total(), "band", e.band(), "sessionId", e.sessionId());
        Optional<Instrument> instrument = Instrument.parse(e.instrument());
        String label = instrument.map(Instrument::label).orElse(e.instrument());
        StringBuilder summary = new StringBuilder(label + " scored " + e.total() + " (" + lower(e.band()) + ")");
        Measurement measurement = null;
        if (instrument.isPresent()) {
            measurement = PatientProgress.of(e.patientId()).record(instrument.get(), e.total(), at);
            details.putAll(details("baseline", measurement.baseline(),
                    "changeFromBaselinePercent", measurement.changeFromBaselinePercent(),
                    "trend", measurement.trend(), "response", measurement.response(),
                    "remission", measurement.remission()));
            Integer change = measurement.changeFromBaselinePercent();
            if (change != null) {
                summary.append(change <= 0 ? ", down " + -change : ", up " + change).append("% from baseline ")
                        .append(measurement.baseline());
            }
            if (measurement.remission()) {
                summary.append(": remission");
            } else if (measurement.response()) {
                summary.append(": response");
            }
        }
        timeline.append(e.patientId(), TimelineKind.ASSESSMENT_SCORED, at, summary.toString(), details);
        if (e.selfHarmRisk()) {
            flags.raise(e.patientId(), UrgentFlag.Source.ASSESSMENT_SELF_HARM, "HIGH", at);
        }
        if (measurement != null && plan.isPresent()) {
            reviews.onScored(plan.get(), measurement, at);
        }
    }

    private void issued(PrescriptionIssued e, Instant at) {
        timeline.append(e.patientId(), TimelineKind.PRESCRIPTION_ISSUED, at,
                "Prescription started: " + e.medicationName() + " " + e.doseAmount().toPlainString() + " "
                        + e.doseUnit() + ", " + lower(e.frequency()),
                details("prescriptionId", e.prescriptionId(), "prescriberId", e.prescriberId(),
                        "medicationName", e.medicationName(), "drugClass", e.drugClass(),
                        "doseAmount", e.doseAmount().toPlainString(), "doseUnit", e.doseUnit(),
                        "frequency", e.frequency(), "startDate", e.startDate()));
    }

    private void doseChanged(DoseChanged e, Instant at) {
        timeline.append(e.patientId(), TimelineKind.DOSE_CHANGED, at,
                "Dose changed from " + e.previousAmount().toPlainString() + " " + e.previousUnit() + " to "
                        + e.amount().toPlainString() + " " + e.unit(),
                details("prescriptionId", e.prescriptionId(), "prescriberId", e.prescriberId(),
                        "previousAmount", e.previousAmount().toPlainString(), "previousUnit", e.previousUnit(),
                        "amount", e.amount().toPlainString(), "unit", e.unit()));
    }

    private void discontinued(PrescriptionDiscontinued e, Instant at) {
        timeline.append(e.patientId(), TimelineKind.PRESCRIPTION_DISCONTINUED, at, "Prescription stopped",
                details("prescriptionId", e.prescriptionId(), "prescriberId", e.prescriberId()));
    }

    private void refillRequested(RefillRequested e, Instant at) {
        timeline.append(e.patientId(), TimelineKind.REFILL_REQUESTED, at, "Refill requested",
                details("prescriptionId", e.prescriptionId(), "refillRequestId", e.refillRequestId()));
    }

    private void refillDecided(RefillDecided e, Instant at) {
        timeline.append(e.patientId(), TimelineKind.REFILL_DECIDED, at,
                e.approved() ? "Refill approved" : "Refill declined",
                details("prescriptionId", e.prescriptionId(), "refillRequestId", e.refillRequestId(),
                        "approved", e.approved(), "decidedBy", e.decidedBy()));
    }

    private void checkIn(String eventId, DoseCheckInRecorded e, Instant eventTime) {
        boolean taken = "TAKEN".equalsIgnoreCase(e.status());
        DoseCheckIn row = new DoseCheckIn();
        row.eventId = eventId;
        row.patientId = e.patientId();
        row.taken = taken;
        row.recordedAt = e.takenAt() != null ? e.takenAt() : eventTime;
        row.persist();
        timeline.append(e.patientId(), TimelineKind.DOSE_CHECK_IN, row.recordedAt, taken ? "Dose taken" : "Dose missed",
                details("prescriptionId", e.prescriptionId(), "status", e.status()));
    }

    private void sideEffect(SideEffectReported e, Instant at) {
        timeline.append(e.patientId(), TimelineKind.SIDE_EFFECT_REPORTED, at,
                "Side effect reported: " + lower(e.symptom()) + " (" + lower(e.severity()) + ")",
                details("prescriptionId", e.prescriptionId(), "symptom", e.symptom(), "severity", e.severity()));
        if ("SEVERE".equalsIgnoreCase(e.severity())) {
            flags.raise(e.patientId(), UrgentFlag.Source.SEVERE_SIDE_EFFECT, "HIGH", at);
        }
    }

    private void riskFlag(RiskFlagRaised e, Instant eventTime) {
        Instant at = e.raisedAt() != null ? e.raisedAt() : eventTime;
        timeline.append(e.patientId(), TimelineKind.RISK_FLAG_RAISED, at,
                "Risk flagged in chat (" + lower(e.severity()) + ")",
                details("conversationId", e.conversationId(), "severity", e.severity()));
        flags.raise(e.patientId(), UrgentFlag.Source.CHAT_RISK, e.severity(), at);
    }

    /** Key-value pairs with nulls left out; java.time values as ISO-8601 strings. */
    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null) {
                details.put((String) pairs[i], value instanceof Enum<?> || value instanceof java.time.temporal.Temporal
                        ? value.toString() : value);
            }
        }
        return details;
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase().replace('_', ' ');
    }
}
