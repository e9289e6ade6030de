package org.careweave.platform.careteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.careweave.platform.events.careplan.CareTeamChanged;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Care-team events may arrive out of order (a dead-letter replay, say): the newest change wins. */
@QuarkusTest
class CareTeamDirectoryTest {

    @Inject
    CareTeamDirectory directory;

    @Test
    void anOlderChangeArrivingLateLeavesTheNewerTeam() {
        String patient = "patient-" + UUID.randomUUID();
        Instant now = Instant.now();
        assertThat(apply(patient, "therapist-new", now)).isTrue();
        assertThat(apply(patient, "therapist-old", now.minus(1, ChronoUnit.HOURS))).isFalse();
        assertThat(isMember("therapist-new", patient)).isTrue();
        assertThat(isMember("therapist-old", patient)).isFalse();
    }

    @Test
    void aNewerChangeReplacesTheTeamAndAnEmptyTeamIsNotRefilledByAnOlderOne() {
        String patient = "patient-" + UUID.randomUUID();
        Instant now = Instant.now();
        apply(patient, "therapist-first", now.minus(2, ChronoUnit.HOURS));
        assertThat(apply(patient, "therapist-second", now.minus(1, ChronoUnit.HOURS))).isTrue();
        assertThat(isMember("therapist-first", patient)).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> directory.apply(
                new CareTeamChanged(patient, "plan-1", List.of()), now))).isTrue();
        assertThat(apply(patient, "therapist-second", now.minus(1, ChronoUnit.HOURS))).isFalse();
        assertThat(isMember("therapist-second", patient)).isFalse();
    }

    private boolean apply(String patient, String therapist, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> directory.apply(new CareTeamChanged(patient, "plan-1",
                List.of(new CareTeamChanged.Member(therapist, "THERAPIST"))), at));
    }

    private boolean isMember(String provider, String patient) {
        return QuarkusTransaction.requiringNew().call(() -> directory.isMember(provider, patient));
    }
}
