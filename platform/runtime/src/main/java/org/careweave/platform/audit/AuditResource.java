package org.careweave.platform.audit;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.careweave.platform.access.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin's view of who touched a patient's records in this service. */
@Path("/api/audit-entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Audit entries for one patient's records in this service, newest first")
    public List<AuditEntryView> list(@QueryParam("patientId") @NotBlank @Size(max = 100) String patientId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return AuditEntry.forPatient(patientId, limit).stream().map(AuditEntryView::of).toList();
    }

    public record AuditEntryView(Instant occurredAt, String subject, String role, String action, String resourceType,
            String resourceId, String patientId, String outcome) {

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.occurredAt, e.subject, e.role, e.action, e.resourceType, e.resourceId,
                    e.patientId, e.outcome);
        }
    }
}
