package org.careweave.careplan.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.careweave.careplan.access.CarePlanAccess;
import org.careweave.careplan.domain.CarePlan;
import org.careweave.careplan.domain.TimelineEntry;
import org.careweave.careplan.domain.UrgentFlag;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A patient's record for an EHR: the same people may read it as may read the records (404 for everyone else). */
@Path("/api/patients")
@Tag(name = "Patient records")
public class PatientRecordResource {

    static final String RESOURCE = "fhir-record";

    @Inject
    CarePlanAccess access;

    @Inject
    AuditTrail audit;

    @ConfigProperty(name = "careweave.fhir.base-url")
    String baseUrl;

    @GET
    @Path("/{id}/fhir")
    @Produces(FhirBundle.MEDIA_TYPE)
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Transactional
    @Operation(summary = "The patient's record as a FHIR R4 Bundle (collection)",
            description = "Patient (id and identifier only), CarePlan, CareTeam, Goal, Appointment per therapy "
                    + "session, Observation per PHQ-9 (LOINC 44261-6) and GAD-7 (LOINC 70274-6) with its severity, "
                    + "MedicationRequest with dosage, Flag per urgent flag. No chat or note text.")
    @APIResponse(responseCode = "200", description = "A FHIR R4 Bundle of type collection",
            content = @Content(mediaType = FhirBundle.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "FHIR R4 Bundle (http://hl7.org/fhir/R4/bundle.html)")))
    public String export(@PathParam("id") @Size(max = 64) String id) {
        access.requirePatient("export", RESOURCE, id);
        List<CarePlan> plans = CarePlan.ofPatient(id);
        if (plans.isEmpty()) {
            audit.record("export", RESOURCE, null, id, AuditTrail.Outcome.DENIED);
            throw ProblemException.notFound("Patient");
        }
        ObjectNode bundle = FhirBundle.of(baseUrl, id, plans, TimelineEntry.ofPatient(id),
                UrgentFlag.list("patientId = ?1 order by raisedAt", id), Instant.now());
        audit.record("export", RESOURCE, null, id, AuditTrail.Outcome.SUCCESS);
        return bundle.toString();
    }
}
