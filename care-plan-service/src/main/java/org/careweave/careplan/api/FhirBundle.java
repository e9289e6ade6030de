package org.careweave.careplan.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.careweave.careplan.domain.CarePlan;
import org.careweave.careplan.domain.Goal;
import org.careweave.careplan.domain.TimelineEntry;
import org.careweave.careplan.domain.TimelineKind;
import org.careweave.careplan.domain.UrgentFlag;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A patient's record as a FHIR R4 {@code collection} Bundle, composed from this service's care plans and its care
 * timeline (which every other service's events feed): Patient (id and identifier only), CarePlan, CareTeam, Goal,
 * Appointment per therapy session, Observation per PHQ-9 / GAD-7 score, MedicationRequest per prescription, Flag per
 * urgent flag. No free text a patient or provider wrote travels: no chat, no session notes or summaries, no reasons.
 */
final class FhirBundle {

    static final String MEDIA_TYPE = "application/fhir+json";
    static final String LOINC = "http://loinc.org";
    static final String PATIENT_ID_SYSTEM = "urn:careweave:patient-id";
    static final String USER_ID_SYSTEM = "urn:careweave:user-id";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, String[]> INSTRUMENTS = Map.of(
            "PHQ9", new String[] { "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]" },
            "GAD7", new String[] { "70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]" });
    private static final Map<String, String> FLAG_TEXT = Map.of(
            UrgentFlag.Source.INTAKE_SELF_HARM.name(), "Thoughts of self-harm reported at intake (PHQ-9 item 9)",
            UrgentFlag.Source.ASSESSMENT_SELF_HARM.name(), "Thoughts of self-harm reported on a PHQ-9 (item 9)",
            UrgentFlag.Source.SEVERE_SIDE_EFFECT.name(), "Severe medication side effect reported",
            UrgentFlag.Source.CHAT_RISK.name(), "Risk detected in a chat conversation");

    private final String baseUrl;
    private final String patientId;
    private final ArrayNode entries = JSON.arrayNode();

    private FhirBundle(String baseUrl, String patientId) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.patientId = patientId;
    }

    static ObjectNode of(String baseUrl, String patientId, List<CarePlan> plans, List<TimelineEntry> timeline,
            List<UrgentFlag> flags, Instant now) {
        FhirBundle bundle = new FhirBundle(baseUrl, patientId);
        bundle.patient();
        plans.forEach(bundle::carePlan);
        bundle.appointments(timeline);
        timeline.stream().filter(e -> e.kind == TimelineKind.ASSESSMENT_SCORED)
                .forEach(bundle::observation);
        bundle.medicationRequests(timeline);
        flags.forEach(bundle::flag);
        ObjectNode result = JSON.objectNode().put("resourceType", "Bundle").put("type", "collection")
                .put("timestamp", now.toString());
        result.set("entry", bundle.entries);
        return result;
    }

    private void patient() {
        ObjectNode patient = resource("Patient", patientId);
        patient.putArray("identifier").add(identifier(PATIENT_ID_SYSTEM, patientId));
        add(patient);
    }

    private void carePlan(CarePlan plan) {
        String id = plan.id.toString();
        ObjectNode team = resource("CareTeam", id);
        team.put("status", "active");
        team.set("subject", patientReference());
        ArrayNode participants = team.putArray("participant");
        participant(participants, plan.therapistId, "therapist");
        participant(participants, plan.prescriberId, "prescriber");
        participant(participants, plan.coordinatorId, "care coordinator");
        add(team);

        ArrayNode goalReferences = JSON.arrayNode();
        List<Goal> goals = plan.goals == null ? List.of() : plan.goals;
        for (int i = 0; i < goals.size(); i++) {
            String goalId = id + "-goal-" + (i + 1);
            add(goal(goalId, goals.get(i)));
            goalReferences.add(reference("Goal", goalId));
        }

        ObjectNode carePlan = resource("CarePlan", id);
        carePlan.put("status", switch (plan.status) {
            case PROPOSED -> "draft";
            case ACTIVE -> "active";
        });
        carePlan.put("intent", "plan");
        carePlan.put("title", "Careweave care plan (" + plan.modality.name().toLowerCase().replace('_', ' ') + ")");
        carePlan.set("subject", patientReference());
        carePlan.set("period", JSON.objectNode().put("start",
                (plan.activatedAt != null ? plan.activatedAt : plan.createdAt).toString()));
        carePlan.put("created", plan.createdAt.toString());
        carePlan.putArray("careTeam").add(reference("CareTeam", id));
        if (!goalReferences.isEmpty()) {
            carePlan.set("goal", goalReferences);
        }
        add(carePlan);
    }

    private ObjectNode goal(String id, Goal goal) {
        ObjectNode resource = resource("Goal", id);
        resource.put("lifecycleStatus", "active");
        resource.set("description", JSON.objectNode().put("text", goal.description()));
        resource.set("subject", patientReference());
        ObjectNode target = JSON.objectNode();
        String[] loinc = INSTRUMENTS.get(goal.measure().name());
        target.set("measure", loinc != null ? loinc(loinc)
                : JSON.objectNode().put("text", goal.measure().name().toLowerCase().replace('_', ' ')));
        target.set("detailQuantity", JSON.objectNode().put("value", goal.target())
                .put("comparator", goal.comparator() == Goal.Comparator.BELOW ? "<" : ">="));
        resource.putArray("target").add(target);
        return resource;
    }

    /** One Appointment per session, in its latest state (the timeline holds every change in order). */
    private void appointments(List<TimelineEntry> timeline) {
        Map<String, ObjectNode> sessions = new LinkedHashMap<>();
        for (TimelineEntry entry : timeline) {
            String sessionId = text(entry, "sessionId");
            if (sessionId == null) {
                continue;
            }
            switch (entry.kind) {
                case SESSION_SCHEDULED -> {
                    ObjectNode appointment = resource("Appointment", sessionId);
                    appointment.put("status", "booked");
                    Instant start = Instant.parse(text(entry, "startsAt"));
                    int minutes = ((Number) entry.details.get("durationMinutes")).intValue();
                    appointment.put("start", start.toString());
                    appointment.put("end", start.plusSeconds(60L * minutes).toString());
                    appointment.put("minutesDuration", minutes);
                    appointment.set("serviceType", JSON.arrayNode().add(JSON.objectNode().put("text",
                            "Therapy session" + (text(entry, "format") == null ? ""
                                    : " (" + text(entry, "format").toLowerCase().replace('_', ' ') + ")"))));
                    ArrayNode participants = appointment.putArray("participant");
                    participants.add(JSON.objectNode().<ObjectNode> set("actor", patientReference())
                            .put("status", "accepted"));
                    if (text(entry, "therapistId") != null) {
                        participants.add(JSON.objectNode().<ObjectNode> set("actor", JSON.objectNode()
                                .<ObjectNode> set("identifier", identifier(USER_ID_SYSTEM, text(entry, "therapistId")))
                                .put("display", "Therapist")).put("status", "accepted"));
                    }
                    sessions.put(sessionId, appointment);
                }
                case SESSION_RESCHEDULED -> update(sessions, sessionId, appointment -> {
                    Instant previousStart = Instant.parse(appointment.get("start").asText());
                    Instant previousEnd = Instant.parse(appointment.get("end").asText());
                    Instant start = Instant.parse(text(entry, "startsAt"));
                    appointment.put("start", start.toString());
                    appointment.put("end", start.plus(Duration.between(previousStart, previousEnd))
                            .toString());
                });
                case SESSION_CANCELLED -> update(sessions, sessionId, a -> a.put("status", "cancelled"));
                case SESSION_COMPLETED -> update(sessions, sessionId, a -> a.put("status", "fulfilled"));
                case SESSION_NO_SHOW -> update(sessions, sessionId, a -> a.put("status", "noshow"));
                default -> {
                }
            }
        }
        sessions.values().forEach(this::add);
    }

    private static void update(Map<String, ObjectNode> sessions, String id, Consumer<ObjectNode> change) {
        ObjectNode appointment = sessions.get(id);
        if (appointment != null) {
            change.accept(appointment);
        }
    }

    private void observation(TimelineEntry entry) {
        String[] loinc = INSTRUMENTS.get(text(entry, "instrument"));
        String id = text(entry, "assessmentId");
        if (loinc == null || id == null || !(entry.details.get("total") instanceof Number total)) {
            return;
        }
        ObjectNode observation = resource("Observation", id);
        observation.put("status", "final");
        observation.putArray("category").add(JSON.objectNode().set("coding", JSON.arrayNode().add(JSON.objectNode()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "survey")
                .put("display", "Survey"))));
        observation.set("code", loinc(loinc));
        observation.set("subject", patientReference());
        observation.put("effectiveDateTime", entry.occurredAt.toString());
        observation.put("valueInteger", total.intValue());
        String band = text(entry, "band");
        if (band != null) {
            observation.putArray("interpretation").add(JSON.objectNode().put("text",
                    "Severity: " + band.toLowerCase().replace('_', ' ')));
        }
        add(observation);
    }

    /** One MedicationRequest per prescription, with its current dose. */
    private void medicationRequests(List<TimelineEntry> timeline) {
        Map<String, ObjectNode> prescriptions = new LinkedHashMap<>();
        Map<String, String> frequencies = new LinkedHashMap<>();
        for (TimelineEntry entry : timeline) {
            String id = text(entry, "prescriptionId");
            if (id == null) {
                continue;
            }
            switch (entry.kind) {
                case PRESCRIPTION_ISSUED -> {
                    ObjectNode request = resource("MedicationRequest", id);
                    request.put("status", "active");
                    request.put("intent", "order");
                    request.set("medicationCodeableConcept", JSON.objectNode().put("text",
                            text(entry, "medicationName")));
                    request.set("subject", patientReference());
                    request.put("authoredOn", entry.occurredAt.toString());
                    if (text(entry, "prescriberId") != null) {
                        request.set("requester", JSON.objectNode()
                                .<ObjectNode> set("identifier", identifier(USER_ID_SYSTEM, text(entry, "prescriberId")))
                                .put("display", "Prescriber"));
                    }
                    request.putArray("dosageInstruction").add(dosage(new BigDecimal(text(entry, "doseAmount")),
                            text(entry, "doseUnit"), text(entry, "frequency")));
                    prescriptions.put(id, request);
                    frequencies.put(id, text(entry, "frequency"));
                }
                case DOSE_CHANGED -> {
                    ObjectNode request = prescriptions.get(id);
                    if (request != null) {
                        request.putArray("dosageInstruction").add(dosage(new BigDecimal(text(entry, "amount")),
                                text(entry, "unit"), frequencies.get(id)));
                    }
                }
                case PRESCRIPTION_DISCONTINUED -> {
                    ObjectNode request = prescriptions.get(id);
                    if (request != null) {
                        request.put("status", "stopped");
                    }
                }
                default -> {
                }
            }
        }
        prescriptions.values().forEach(this::add);
    }

    private static ObjectNode dosage(BigDecimal amount, String unit, String frequency) {
        ObjectNode dosage = JSON.objectNode();
        String how = frequency == null ? "" : ", " + frequency.toLowerCase().replace('_', ' ');
        dosage.put("text", amount.toPlainString() + " " + unit + how);
        if (frequency != null) {
            ObjectNode repeat = switch (frequency) {
                case "ONCE_DAILY" -> repeat(1, 1, "d");
                case "TWICE_DAILY" -> repeat(2, 1, "d");
                case "THREE_TIMES_DAILY" -> repeat(3, 1, "d");
                case "AT_BEDTIME" -> repeat(1, 1, "d").set("when", JSON.arrayNode().add("HS"));
                case "WEEKLY" -> repeat(1, 1, "wk");
                default -> null;
            };
            if (repeat != null) {
                dosage.set("timing", JSON.objectNode().set("repeat", repeat));
            }
            dosage.put("asNeededBoolean", frequency.equals("AS_NEEDED"));
        }
        ObjectNode dose = JSON.objectNode().put("value", amount).put("unit", unit);
        String ucum = switch (unit.toLowerCase()) {
            case "mg" -> "mg";
            case "mcg" -> "ug";
            case "ml" -> "mL";
            default -> null;
        };
        if (ucum != null) {
            dose.put("system", "http://unitsofmeasure.org").put("code", ucum);
        }
        dosage.putArray("doseAndRate").add(JSON.objectNode().set("doseQuantity", dose));
        return dosage;
    }

    private static ObjectNode repeat(int frequency, int period, String unit) {
        return JSON.objectNode().put("frequency", frequency).put("period", period).put("periodUnit", unit);
    }

    private void flag(UrgentFlag flag) {
        ObjectNode resource = resource("Flag", flag.id.toString());
        resource.put("status", flag.acknowledgedAt == null ? "active" : "inactive");
        resource.putArray("category").add(JSON.objectNode().put("text", "Urgent: care team review"));
        resource.set("code", JSON.objectNode().put("text", FLAG_TEXT.getOrDefault(flag.source.name(),
                flag.source.name()) + (flag.severity == null ? "" : " (severity " + flag.severity.toLowerCase() + ")")));
        resource.set("subject", patientReference());
        ObjectNode period = JSON.objectNode().put("start", flag.raisedAt.toString());
        if (flag.acknowledgedAt != null) {
            period.put("end", flag.acknowledgedAt.toString());
        }
        resource.set("period", period);
        add(resource);
    }

    private void participant(ArrayNode participants, String userId, String role) {
        if (userId != null) {
            participants.add(JSON.objectNode()
                    .<ObjectNode> set("role", JSON.arrayNode().add(JSON.objectNode().put("text", role)))
                    .set("member", JSON.objectNode().<ObjectNode> set("identifier", identifier(USER_ID_SYSTEM, userId))
                            .put("display", role)));
        }
    }

    private static ObjectNode loinc(String[] code) {
        return JSON.objectNode().<ObjectNode> set("coding", JSON.arrayNode().add(JSON.objectNode()
                .put("system", LOINC).put("code", code[0]).put("display", code[1]))).put("text", code[1]);
    }

    private static ObjectNode identifier(String system, String value) {
        return JSON.objectNode().put("system", system).put("value", value);
    }

    private ObjectNode patientReference() {
        return reference("Patient", patientId);
    }

    private static ObjectNode reference(String type, String id) {
        return JSON.objectNode().put("reference", type + "/" + id);
    }

    private static ObjectNode resource(String type, String id) {
        return JSON.objectNode().put("resourceType", type).put("id", id);
    }

    private void add(ObjectNode resource) {
        entries.add(JSON.objectNode()
                .put("fullUrl", baseUrl + "/" + resource.get("resourceType").asText() + "/" + resource.get("id").asText())
                .set("resource", resource));
    }

    private static String text(TimelineEntry entry, String key) {
        Object value = entry.details == null ? null : entry.details.get(key);
        return value == null ? null : Objects.toString(value);
    }
}
