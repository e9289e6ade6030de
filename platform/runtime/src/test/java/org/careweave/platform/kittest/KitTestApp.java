package org.careweave.platform.kittest;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.careweave.platform.access.PatientRecordAccess;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.careplan.CareTeamChanged;
import org.careweave.platform.events.therapy.SessionNoShow;
import org.careweave.platform.inbox.Inbox;
import org.careweave.platform.outbox.Outbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** A minimal app on top of the kit: what a service does, reduced to what the kit's tests need. */
public final class KitTestApp {

    private KitTestApp() {
    }

    @Path("/test")
    public static class KitTestResource {

        @Inject
        Outbox outbox;

        @Inject
        PatientRecordAccess access;

        @Inject
        AuditTrail audit;

        @POST
        @Path("/patients/{patientId}/no-shows")
        @Transactional
        public String recordNoShow(@PathParam("patientId") String patientId) {
            return outbox.publish(new SessionNoShow(patientId, "session-1", "therapist-1", Instant.now())).id();
        }

        @POST
        @Path("/patients/{patientId}/care-team/{therapistId}")
        @Transactional
        public String assignTherapist(@PathParam("patientId") String patientId,
                @PathParam("therapistId") String therapistId) {
            return outbox.publish(new CareTeamChanged(patientId, "plan-1",
                    List.of(new CareTeamChanged.Member(therapistId, "THERAPIST")))).id();
        }

        @Inject
        EntityManager em;

        /** A write that holds its transaction (and connection) a while, as a busy request does. */
        @POST
        @Path("/patients/{patientId}/audited-writes")
        @Transactional
        public void auditedWrite(@PathParam("patientId") String patientId) throws InterruptedException {
            insertProjectionRow(patientId);
            audit.record("WRITE", "PatientRecord", patientId, patientId, AuditTrail.Outcome.SUCCESS);
            Thread.sleep(200);
        }

        /** A write refused after it began: the write is rolled back, the refusal must stay audited. */
        @POST
        @Path("/patients/{patientId}/refused-writes")
        @Transactional
        public void refusedWrite(@PathParam("patientId") String patientId) {
            insertProjectionRow(patientId);
            access.require("WRITE", "PatientRecord", patientId, patientId);
        }

        private void insertProjectionRow(String patientId) {
            em.createNativeQuery("insert into kit_test_projection (patient_id, applied_count) values (?1, 0) "
                    + "on conflict (patient_id) do nothing").setParameter(1, patientId).executeUpdate();
        }

        @POST
        @Path("/doses")
        public int dose(@Valid Dose dose) {
            return dose.amount();
        }

        @GET
        @Path("/patients/{patientId}/record")
        public String record(@PathParam("patientId") String patientId) {
            access.require("READ", "PatientRecord", patientId, patientId);
            audit.record("READ", "PatientRecord", patientId, patientId, AuditTrail.Outcome.SUCCESS);
            return "record of " + patientId;
        }
    }

    public record Dose(@Min(1) int amount, Unit unit, String note, LocalDate takenOn, Instant recordedAt) {
    }

    public enum Unit {
        MG,
        ML
    }

    /**
     * Counts the therapy events (and, in batches, the prescription events) it applied per patient; a patient id starting with "fail-" makes it throw, one
     * starting with "fixable-" fails until {@link #fixed}, one starting with "outage-" fails as if the database were away for the first {@link #OUTAGE_ATTEMPTS} tries.
     */
    @ApplicationScoped
    public static class CountingProjection {

        public static final int OUTAGE_ATTEMPTS = 8;

        /** Until a test sets it, events of "fixable-" patients fail as if the projection had a bug. */
        public static volatile boolean fixed;

        // Outside the transaction, so failed attempts count too.
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @Inject
        Inbox inbox;

        @Inject
        EntityManager em;

        @Incoming("kit-test-events")
        @Blocking
        public CompletionStage<Void> onEvent(Message<String> message) {
            return inbox.consume("kit-test-projection", message, this::apply);
        }

        /** The same projection fed a polled batch at a time (prescription events, so the two never meet). */
        @Incoming("kit-test-batch-events")
        @Blocking
        public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
            return inbox.consumeBatch("kit-test-batch-projection", batch, this::apply);
        }

        private void apply(CloudEvent event) {
            attempts.computeIfAbsent(event.subject(), patientId -> new AtomicInteger()).incrementAndGet();
            if (event.subject().startsWith("fail-")) {
                throw new IllegalStateException("projection refuses " + event.type());
            }
            if (event.subject().startsWith("fixable-") && !fixed) {
                throw new IllegalStateException("projection has a bug for " + event.type());
            }
            if (event.subject().startsWith("outage-") && attempts(event.subject()) <= OUTAGE_ATTEMPTS) {
                throw new PersistenceException("Unable to acquire JDBC Connection",
                        new SQLException("Connection to localhost refused", "08001"));
            }
            em.createNativeQuery("insert into kit_test_projection (patient_id, applied_count) values (?1, 1) "
                    + "on conflict (patient_id) do update set applied_count = kit_test_projection.applied_count + 1")
                    .setParameter(1, event.subject())
                    .executeUpdate();
        }

        /** How often the handler ran for the patient's events, failed runs included. */
        public int attempts(String patientId) {
            AtomicInteger count = attempts.get(patientId);
            return count == null ? 0 : count.get();
        }

        @Transactional
        public int appliedCount(String patientId) {
            return ((Number) em.createNativeQuery(
                    "select coalesce(max(applied_count), 0) from kit_test_projection where patient_id = ?1")
                    .setParameter(1, patientId).getSingleResult()).intValue();
        }
    }
}
