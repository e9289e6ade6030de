package org.careweave.careplan.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.careweave.careplan.domain.CarePlan;
import org.careweave.careplan.domain.DoseCheckIn;
import org.careweave.careplan.domain.Instrument;
import org.careweave.careplan.domain.Measurement;
import org.careweave.careplan.domain.PatientProgress;
import org.careweave.careplan.domain.UrgentFlag;
import org.careweave.careplan.events.ProviderFeed;
import org.careweave.platform.access.Caller;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

@Path("/api/providers/me")
@Tag(name = "Provider dashboard")
public class ProviderResource {

    private static final Duration ADHERENCE_WINDOW = Duration.ofDays(30);

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    ProviderFeed feed;

    @GET
    @Path("/caseload")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "The caller's care-team patients with their latest measures, patients with open urgent "
            + "flags first; for a care coordinator every patient with an open urgent flag, with or without a team")
    public List<CaseloadEntry> caseload() {
        String me = caller.id();
        Map<String, CarePlan> plans = new LinkedHashMap<>();
        boolean provider = caller.hasRole(Roles.THERAPIST) || caller.hasRole(Roles.PSYCHIATRIST);
        List<CarePlan> candidates = provider ? CarePlan.onTeamOf(me)
                : UrgentFlag.patientsWithOpenFlags().stream().map(CarePlan::currentOf).flatMap(Optional::stream)
                        .toList();
        candidates.forEach(plan -> plans.merge(plan.patientId, plan,
                (a, b) -> a.createdAt.isAfter(b.createdAt) ? a : b));
        List<CaseloadEntry> entries = new ArrayList<>();
        Instant since = Instant.now().minus(ADHERENCE_WINDOW);
        for (CarePlan plan : plans.values()) {
            entries.add(entry(plan, me, since));
            audit.record("read", "caseload", plan.id.toString(), plan.patientId, AuditTrail.Outcome.SUCCESS);
        }
        entries.sort(Comparator.comparing((CaseloadEntry e) -> e.openUrgentFlags().isEmpty())
                .thenComparing(e -> e.openUrgentFlags().isEmpty() ? Instant.MIN : e.openUrgentFlags().get(0).raisedAt(),
                        Comparator.reverseOrder())
                .thenComparing(CaseloadEntry::patientId));
        return entries;
    }

    @GET
    @Path("/feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Blocking
    @Operation(summary = "Server-Sent Events: each new timeline entry of the caller's care-team patients (for care "
            + "coordinators also every urgent flag); the event id is the entry's seq, so reconnecting with "
            + "Last-Event-ID resumes without gaps")
    public Multi<OutboundSseEvent> follow(@HeaderParam("Last-Event-ID") @Size(max = 20) String lastEventId, @Context Sse sse) {
        long from = lastEventId == null || lastEventId.isBlank() ? feed.lastSeq() : parse(lastEventId);
        String me = caller.id();
        CarePlan.onTeamOf(me).stream().map(p -> p.patientId).distinct().forEach(
                patientId -> audit.record("follow", "care-timeline", null, patientId, AuditTrail.Outcome.SUCCESS));
        return feed.follow(me, caller.hasRole(Roles.CARE_COORDINATOR), from).map(item -> item.entry() == null
                ? sse.newEventBuilder().comment("heartbeat").build()
                : sse.newEventBuilder()
                        .id(String.valueOf(item.entry().seq))
                        .name(item.entry().kind.name())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(TimelineEntryView.class, TimelineEntryView.of(item.entry()))
                        .build());
    }

    private static CaseloadEntry entry(CarePlan plan, String me, Instant since) {
        PatientProgress progress = PatientProgress.findById(plan.patientId);
        List<String> roles = new ArrayList<>();
        if (me.equals(plan.therapistId)) {
            roles.add("THERAPIST");
        }
        if (me.equals(plan.prescriberId)) {
            roles.add("PRESCRIBER");
        }
        if (me.equals(plan.coordinatorId)) {
            roles.add("COORDINATOR");
        }
        DoseCheckIn.Adherence adherence = DoseCheckIn.since(plan.patientId, since);
        List<CaseloadEntry.Flag> flags = UrgentFlag.openOf(plan.patientId).stream()
                .map(f -> new CaseloadEntry.Flag(f.id.toString(), f.source.name(), f.severity, f.raisedAt)).toList();
        return new CaseloadEntry(plan.patientId, plan.id.toString(), plan.status.name(), plan.modality.name(), roles,
                progress == null ? null : progress.lastSessionAt,
                score(progress, Instrument.PHQ9), score(progress, Instrument.GAD7),
                new CaseloadEntry.Adherence(adherence.taken(), adherence.total(), adherence.percent()), flags);
    }

    private static CaseloadEntry.Score score(PatientProgress progress, Instrument instrument) {
        if (progress == null) {
            return null;
        }
        Measurement m = progress.measurement(instrument);
        if (m.latest() == null) {
            return null;
        }
        Measurement.Trend trend = m.trend();
        return new CaseloadEntry.Score(m.latest(), m.baseline(), m.changeFromBaselinePercent(),
                trend == null ? null : trend.name(), m.response(), m.remission(),
                instrument == Instrument.PHQ9 ? progress.phq9ScoredAt : progress.gad7ScoredAt);
    }

    private static long parse(String lastEventId) {
        try {
            long seq = Long.parseLong(lastEventId.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("Last-Event-ID must be an event id this feed sent",
                List.of(new Problem.FieldError("Last-Event-ID", "must be a non-negative number")));
    }
}
