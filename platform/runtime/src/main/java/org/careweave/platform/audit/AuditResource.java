package org.careweave.platform.audit;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.careweave.platform.access.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin's view of who touched patients' records in this service, newest first. The gateway merges every
 * service's entries at {@code /api/audit-entries}, paging each service with {@code before}/{@code beforeId}.
 */
@Path("/api/audit-entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Audit entries of this service, newest first, filtered; page on with before and beforeId")
    public List<AuditEntryView> list(@QueryParam("patientId") @Size(max = 100) String patientId,
            @QueryParam("actor") @Size(max = 100) String actor,
            @QueryParam("action") @Size(max = 50) String action,
            @QueryParam("from") @Size(max = 64) @Schema(format = "date-time") String from,
            @QueryParam("to") @Size(max = 64) @Schema(format = "date-time") String to,
            @QueryParam("before") @Size(max = 64) @Schema(format = "date-time") String before,
            @QueryParam("beforeId") @Min(1) @Max(Long.MAX_VALUE) Long beforeId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        AuditQuery query = AuditQuery.parse(patientId, actor, action, from, to, before, beforeId);
        return query.list(limit).stream().map(AuditEntryView::of).toList();
    }

    public record AuditEntryView(
            @Schema(minimum = "1", maximum = "9223372036854775807") long id,
            @Schema(maxLength = 64, format = "date-time") Instant occurredAt,
            @Schema(maxLength = 100) String subject,
            @Schema(maxLength = 50) String role,
            @Schema(maxLength = 50) String action,
            @Schema(maxLength = 100) String resourceType,
            @Schema(maxLength = 100) String resourceId,
            @Schema(maxLength = 100) String patientId,
            @Schema(enumeration = { "SUCCESS", "DENIED" }) String outcome) {

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id, e.occurredAt, e.subject, e.role, e.action, e.resourceType, e.resourceId,
                    e.patientId, e.outcome);
        }
    }
}
