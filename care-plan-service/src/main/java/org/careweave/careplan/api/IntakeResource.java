package org.careweave.careplan.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.careweave.careplan.domain.CarePlan;
import org.careweave.careplan.domain.CarePlanLifecycle;
import org.careweave.careplan.domain.Instrument;
import org.careweave.careplan.domain.IntakeFacts;
import org.careweave.careplan.domain.Preferences;
import org.careweave.careplan.domain.PriceTable;
import org.careweave.careplan.domain.Recommendation;
import org.careweave.careplan.domain.ScreeningScore;
import org.careweave.careplan.domain.TreatmentRecommender;
import org.careweave.platform.access.Caller;
import org.careweave.careplan.access.RealmUsers;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/intakes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Intake")
public class IntakeResource {

    @Inject
    Caller caller;

    @Inject
    TreatmentRecommender recommender;

    @Inject
    CarePlanLifecycle lifecycle;

    @Inject
    AuditTrail audit;

    @Inject
    PriceTable prices;

    @Inject
    RealmUsers realmUsers;

    @POST
    @RolesAllowed({ Roles.PATIENT, Roles.CARE_COORDINATOR })
    @Transactional
    @Operation(summary = "Submit an intake: scores the screening answers, recommends therapy, medication or both "
            + "with the reasons, and proposes a care plan")
    public Response submit(@Valid @NotNull IntakeRequest request) {
        String patientId = patientOf(request);
        ScreeningScore phq9 = request.phq9Answers() == null ? null
                : ScreeningScore.of(Instrument.PHQ9, request.phq9Answers());
        ScreeningScore gad7 = request.gad7Answers() == null ? null
                : ScreeningScore.of(Instrument.GAD7, request.gad7Answers());
        Preferences preferences = new Preferences(request.openToMedication(), request.prefersTalkTherapy(),
                request.sessionsPerMonthAvailable(), request.monthlyBudget(), request.sessionFormat());
        IntakeFacts facts = new IntakeFacts(request.concerns(), phq9, gad7, preferences);
        Recommendation recommendation = recommender.recommend(facts);
        boolean selfHarm = ScreeningScore.selfHarmRisk(request.phq9Answers());
        String coordinatorId = caller.hasRole(Roles.CARE_COORDINATOR) ? caller.id() : null;
        CarePlan plan = lifecycle.propose(patientId, coordinatorId, facts, recommendation, selfHarm, caller.id());
        audit.record("create", "intake", plan.id.toString(), patientId, AuditTrail.Outcome.SUCCESS);
        return Response.created(URI.create("/api/care-plans/" + plan.id))
                .entity(IntakeResponse.of(plan, prices.currency(), selfHarm)).build();
    }

    /** A patient's intake is their own; a coordinator's names the patient. */
    private String patientOf(IntakeRequest request) {
        if (caller.hasRole(Roles.CARE_COORDINATOR)) {
            if (request.patientId() == null || request.patientId().isBlank()) {
                throw ProblemException.badRequest("A care coordinator submits an intake for a patient",
                        List.of(new Problem.FieldError("patientId", "must not be blank")));
            }
            // A plan for nobody would sit in the coordination view forever: the patient must be a user of the realm.
            if (!realmUsers.realmRolesOf(request.patientId()).map(roles -> roles.contains(Roles.PATIENT))
                    .orElse(false)) {
                throw ProblemException.badRequest("The intake names no patient of this clinic",
                        List.of(new Problem.FieldError("patientId", "is not a user with the patient role")));
            }
            return request.patientId();
        }
        if (request.patientId() != null && !request.patientId().equals(caller.id())) {
            audit.record("create", "intake", null, request.patientId(), AuditTrail.Outcome.DENIED);
            throw ProblemException.forbidden("Patients submit their own intake only");
        }
        return caller.id();
    }
}
