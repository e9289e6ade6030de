package org.careweave.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;

import io.quarkus.panache.common.Parameters;

/** The filters of an audit query, and the position (time and id of the last entry seen) to continue after. */
final class AuditQuery {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> conditions = new ArrayList<>();

    private AuditQuery() {
    }

    static AuditQuery parse(String patientId, String actor, String action, String from, String to, String before,
            Long beforeId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        AuditQuery query = new AuditQuery();
        query.equal("patientId", patientId);
        query.equal("subject", actor);
        query.equal("action", action);
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        Instant last = instant("before", before, errors);
        if (start != null) {
            query.condition("occurredAt >= :from", "from", start);
        }
        if (end != null) {
            query.condition("occurredAt < :to", "to", end);
        }
        if (last != null) {
            if (beforeId == null) {
                errors.add(new Problem.FieldError("beforeId", "is required with before"));
            } else {
                query.values.put("before", last);
                query.values.put("beforeId", beforeId);
                query.conditions.add("(occurredAt < :before or (occurredAt = :before and id < :beforeId))");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request has invalid fields", errors);
        }
        return query;
    }

    List<AuditEntry> list(int limit) {
        String where = conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ";
        Parameters parameters = new Parameters();
        values.forEach(parameters::and);
        return AuditEntry.find(where + "order by occurredAt desc, id desc", parameters).page(0, limit).list();
    }

    private void equal(String field, String value) {
        if (value != null && !value.isBlank()) {
            condition(field + " = :" + field, field, value);
        }
    }

    private void condition(String condition, String name, Object value) {
        conditions.add(condition);
        values.put(name, value);
    }

    private static Instant instant(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO-8601 date-time with offset"));
            return null;
        }
    }
}
