package org.careweave.platform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.careweave.platform.access.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The audit trail rides on the request's own transaction, refusals stay audited when that rolls back, and reads share
 * group commits.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "coordinator-audit", roles = Roles.CARE_COORDINATOR)
    void twiceAsManyConcurrentAuditedWritesAsPooledConnectionsAllSucceed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // The default pool has 20 connections; each request holds its own for 200 ms.
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String patientId = "audited-" + run + "-" + i;
                Callable<Integer> write = () -> given().post("/test/patients/{p}/audited-writes", patientId)
                        .then().extract().statusCode();
                statuses.add(clients.submit(write));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(204);
            }
        } finally {
            clients.shutdownNow();
        }
        long audited = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "patientId like ?1 and action = 'WRITE' and outcome = 'SUCCESS'", "audited-" + run + "-%"));
        assertThat(audited).isEqualTo(40);
    }

    @Test
    @TestSecurity(user = "reader-audit", roles = Roles.PATIENT)
    void concurrentReadsAreEachAuditedBeforeTheyAreAnsweredAndShareCommits() throws Exception {
        int reads = 60;
        long before = readsAudited();
        ExecutorService clients = Executors.newFixedThreadPool(30);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < reads; i++) {
                Callable<Integer> read = () -> given().get("/test/patients/reader-audit/record")
                        .then().extract().statusCode();
                statuses.add(clients.submit(read));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        // Counted right after the last answer: a read is answered only once its entry is committed.
        assertThat(readsAudited()).isEqualTo(before + reads);
        long transactions = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(distinct xmin::text) from audit_entry where subject = 'reader-audit'")
                .getSingleResult()).longValue());
        assertThat(transactions).as("commits for %d concurrent reads", reads).isLessThan(reads);
    }

    private long readsAudited() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "subject = 'reader-audit' and action = 'READ' and outcome = 'SUCCESS'"));
    }

    @Test
    @TestSecurity(user = "intruder-audit", roles = Roles.PATIENT)
    void aRefusedWriteIsRolledBackButItsRefusalIsAudited() {
        String patientId = "refused-" + UUID.randomUUID();
        given().post("/test/patients/{p}/refused-writes", patientId).then()
                .statusCode(404)
                .contentType("application/problem+json");

        long written = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from kit_test_projection where patient_id = ?1").setParameter(1, patientId)
                .getSingleResult()).longValue());
        assertThat(written).as("rows the refused request wrote").isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "subject = ?1 and patientId = ?2 and action = 'WRITE' and outcome = 'DENIED'", "intruder-audit",
                patientId))).isEqualTo(1);
    }
}
