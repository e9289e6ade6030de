package org.careweave.prescription.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.careweave.platform.access.Caller;
import org.careweave.platform.access.PatientRecordAccess;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.audit.AuditTrail.Outcome;
import org.careweave.platform.paging.Page;
import org.careweave.platform.paging.PageRequest;
import org.careweave.prescription.access.PrescriptionAccess;
import org.careweave.prescription.domain.Adherence;
import org.careweave.prescription.domain.DoseCheckIn;
import org.careweave.prescription.domain.DoseCheckInService;
import org.careweave.prescription.domain.NewPrescription;
import org.careweave.prescription.domain.Prescription;
import org.careweave.prescription.domain.PrescriptionService;
import org.careweave.prescription.domain.RefillRequest;
import org.careweave.prescription.domain.RefillService;
import org.careweave.prescription.domain.SideEffectReport;
import org.careweave.prescription.domain.SideEffectService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;

@Path("/api/prescriptions")
@Authenticated
@Tag(name = "Prescriptions", description = "Prescriptions, dose history, refills, dose check-ins and side effects. "
        + PrescriptionResponse.SAFETY_NOTE)
public class PrescriptionResource {

    private static final String PRESCRIPTION = PrescriptionAccess.PRESCRIPTION;
    private static final String CHECK_IN = "dose-check-in";
    private static final String SIDE_EFFECT = "side-effect";
    private static final String REFILL_REQUEST = "refill-request";

    @Inject
    Caller caller;

    @Inject
    PatientRecordAccess records;

    @Inject
    PrescriptionAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    PrescriptionService prescriptions;

    @Inject
    RefillService refills;

    @Inject
    DoseCheckInService checkIns;

    @Inject
    SideEffectService sideEffects;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PSYCHIATRIST)
    @Operation(summary = "Prescribe a medication (the prescribing psychiatrist on the patient's care team)",
            description = "Safety checks run before anything is stored: an active prescription of the same "
                    + "medication answers 409; a dangerous drug-class combination with an active prescription "
                    + "(rule table: safety/interaction-rules.json) answers 422 naming the conflict; a second active "
                    + "medication of the same class answers 422 unless overrideReason is given, and the override is "
                    + "audited. " + PrescriptionResponse.SAFETY_NOTE)
    public RestResponse<PrescriptionResponse> prescribe(@NotNull @Valid PrescribeRequest request) {
        access.requirePrescriber("PRESCRIBE", PRESCRIPTION, null, request.patientId());
        Prescription p = prescriptions.issue(new NewPrescription(request.patientId(), request.medication().name(),
                request.medication().drugClass(), request.dose().amount(), request.dose().unit(),
                request.frequency(), request.instructions(), request.refillsAllowed(), request.startDate(),
                request.overrideReason()), caller.id());
        audit.record("PRESCRIBE", PRESCRIPTION, p.id.toString(), p.patientId, Outcome.SUCCESS);
        if (p.overrideReason != null) {
            audit.record("SAFETY_OVERRIDE", PRESCRIPTION, p.id.toString(), p.patientId, Outcome.SUCCESS);
        }
        return RestResponse.ResponseBuilder.<PrescriptionResponse> created(URI.create("/api/prescriptions/" + p.id))
                .entity(PrescriptionResponse.of(p)).build();
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "A patient's prescriptions, newest first",
            description = "status: ACTIVE or DISCONTINUED; all when absent. " + PrescriptionResponse.SAFETY_NOTE)
    public RestResponse<List<PrescriptionResponse>> listPrescriptions(
            @QueryParam("patientId") @NotBlank @Size(max = 100) String patientId,
            @Parameter(description = "ACTIVE or DISCONTINUED; all when absent", schema = @Schema(enumeration = {
                    "ACTIVE", "DISCONTINUED" })) @QueryParam("status") String status,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PageRequest.MAX_LIMIT)) @QueryParam("limit") String limit,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = "" + PageRequest.MAX_PAGE)) @QueryParam("page") String page,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(limit, page);
        records.require("LIST", PRESCRIPTION, null, patientId);
        List<Prescription> found = Prescription.forPatient(patientId, QueryParams.status(status), request);
        audit.record("LIST", PRESCRIPTION, null, patientId, Outcome.SUCCESS);
        return Page.of(found, request, PrescriptionResponse::of, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "A prescription with its full dose history", description = PrescriptionResponse.SAFETY_NOTE)
    public PrescriptionResponse getPrescription(@PathParam("id") UUID id) {
        Prescription p = access.visible(id, "READ");
        audit.record("READ", PRESCRIPTION, id.toString(), p.patientId, Outcome.SUCCESS);
        return PrescriptionResponse.of(p);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/dose-changes")
    @RolesAllowed(Roles.PSYCHIATRIST)
    @Operation(summary = "Change the dose (the prescriber on the care team)",
            description = "Adds an entry to the dose history; earlier entries are kept unchanged. A discontinued "
                    + "prescription answers 409.")
    public PrescriptionResponse changeDose(@PathParam("id") UUID id, @NotNull @Valid DoseChangeRequest request) {
        Prescription p = access.visible(id, "CHANGE_DOSE");
        access.requirePrescriber("CHANGE_DOSE", PRESCRIPTION, id.toString(), p.patientId);
        Prescription changed = prescriptions.changeDose(id, request.amount(), request.unit(), request.reason(),
                caller.id());
        audit.record("CHANGE_DOSE", PRESCRIPTION, id.toString(), p.patientId, Outcome.SUCCESS);
        return PrescriptionResponse.of(changed);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/discontinue")
    @RolesAllowed(Roles.PSYCHIATRIST)
    @Operation(summary = "Stop the prescription (the prescriber on the care team)",
            description = "Already discontinued answers 409. The prescription and its history stay readable.")
    public PrescriptionResponse discontinue(@PathParam("id") UUID id, @NotNull @Valid ReasonRequest request) {
        Prescription p = access.visible(id, "DISCONTINUE");
        access.requirePrescriber("DISCONTINUE", PRESCRIPTION, id.toString(), p.patientId);
        Prescription stopped = prescriptions.discontinue(id, request.reason(), caller.id());
        audit.record("DISCONTINUE", PRESCRIPTION, id.toString(), p.patientId, Outcome.SUCCESS);
        return PrescriptionResponse.of(stopped);
    }

    @POST
    @Path("{id}/refill-requests")
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Ask for a refill (the patient)",
            description = "409 when the prescription is discontinued, no refills are left or a request is pending.")
    public RestResponse<RefillRequestResponse> requestRefill(@PathParam("id") UUID id) {
        Prescription p = access.visible(id, "REQUEST_REFILL");
        access.requirePatientThemself("REQUEST_REFILL", REFILL_REQUEST, p);
        RefillRequest request = refills.request(id);
        audit.record("REQUEST_REFILL", REFILL_REQUEST, request.id.toString(), p.patientId, Outcome.SUCCESS);
        return RestResponse.ResponseBuilder.<RefillRequestResponse> created(
                URI.create("/api/refill-requests/" + request.id)).entity(RefillRequestResponse.of(request)).build();
    }

    @GET
    @Path("{id}/refill-requests")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "The prescription's refill requests, oldest first")
    public List<RefillRequestResponse> listRefillRequests(@PathParam("id") UUID id) {
        Prescription p = access.visible(id, "READ");
        List<RefillRequestResponse> found = RefillRequest.of(id).stream().map(RefillRequestResponse::of).toList();
        audit.record("READ", REFILL_REQUEST, id.toString(), p.patientId, Outcome.SUCCESS);
        return found;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/check-ins")
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Report a scheduled dose as taken or missed (the patient)",
            description = "takenAt is the patient's local time with its offset (for MISSED: when the dose was due). "
                    + "Its local date and time of day pick the scheduled dose: ONCE_DAILY one a day; TWICE_DAILY "
                    + "dose 1 before 14:00, dose 2 from 14:00; THREE_TIMES_DAILY dose 1 before 11:00, dose 2 before "
                    + "17:00, dose 3 from 17:00; AT_BEDTIME one a day, before 05:00 counts for the evening before; "
                    + "WEEKLY one per 7 days from the start date; AS_NEEDED no scheduled dose (any number of TAKEN "
                    + "check-ins, MISSED answers 422). A second check-in for the same scheduled dose answers 409; "
                    + "takenAt in the future or before the start date answers 400. The note never leaves this "
                    + "service.")
    public RestResponse<CheckInResponse> recordCheckIn(@PathParam("id") UUID id,
            @NotNull @Valid CheckInRequest request) {
        Prescription p = access.visible(id, "CHECK_IN");
        access.requirePatientThemself("CHECK_IN", CHECK_IN, p);
        DoseCheckIn checkIn = checkIns.record(id, request.status(), request.takenAt(), request.note());
        audit.record("CHECK_IN", CHECK_IN, checkIn.id.toString(), p.patientId, Outcome.SUCCESS);
        return RestResponse.ResponseBuilder.<CheckInResponse> created(
                URI.create("/api/prescriptions/" + id + "/check-ins/" + checkIn.id))
                .entity(CheckInResponse.of(checkIn)).build();
    }

    @GET
    @Path("{id}/adherence")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "Adherence over the last days (1-366, default 30), today included",
            description = "expected = scheduled doses due in the window from the start date (to the day of "
                    + "discontinuation); the last day counts only doses already reported, so a dose still to come "
                    + "today is not unreported. unreported = expected - taken - missed; rate = taken / expected. "
                    + "AS_NEEDED expects nothing: expected 0, rate null, taken counts the doses reported.")
    public AdherenceResponse getAdherence(@PathParam("id") UUID id,
            @Parameter(description = "Window length in days, 1-366; default 30",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "366")) @QueryParam("days") String days) {
        int window = QueryParams.days(days);
        Prescription p = access.visible(id, "READ_ADHERENCE");
        Adherence adherence = checkIns.adherence(p, window);
        audit.record("READ_ADHERENCE", PRESCRIPTION, id.toString(), p.patientId, Outcome.SUCCESS);
        return AdherenceResponse.of(p.id, p.frequency, window, adherence);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/side-effects")
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Report a side effect (the patient)",
            description = "symptom is one of the listed symptoms (\"other\" with a note for anything else). A SEVERE "
                    + "report raises an urgent flag for the care team through the side-effect event; the note "
                    + "never leaves this service.")
    public RestResponse<SideEffectResponse> reportSideEffect(@PathParam("id") UUID id,
            @NotNull @Valid SideEffectRequest request) {
        Prescription p = access.visible(id, "REPORT_SIDE_EFFECT");
        access.requirePatientThemself("REPORT_SIDE_EFFECT", SIDE_EFFECT, p);
        SideEffectReport report = sideEffects.report(p, request.symptom(), request.severity(), request.note());
        audit.record("REPORT_SIDE_EFFECT", SIDE_EFFECT, report.id.toString(), p.patientId, Outcome.SUCCESS);
        return RestResponse.ResponseBuilder.<SideEffectResponse> created(
                URI.create("/api/prescriptions/" + id + "/side-effects/" + report.id))
                .entity(SideEffectResponse.of(report)).build();
    }

    @GET
    @Path("{id}/side-effects")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "The prescription's side-effect reports, newest first")
    public List<SideEffectResponse> listSideEffects(@PathParam("id") UUID id) {
        Prescription p = access.visible(id, "READ");
        List<SideEffectResponse> found = SideEffectReport.of(id).stream().map(SideEffectResponse::of).toList();
        audit.record("READ", SIDE_EFFECT, id.toString(), p.patientId, Outcome.SUCCESS);
        return found;
    }
}
