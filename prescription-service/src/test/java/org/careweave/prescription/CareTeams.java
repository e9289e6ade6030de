package org.careweave.prescription;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.careteam.CareTeamDirectory;
import org.careweave.platform.events.careplan.CareTeamChanged;
import org.careweave.platform.testing.TestEventProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Puts providers on a patient's care team the way production does: a care-team event on careplan.events,
 * consumed into this service's directory.
 */
@ApplicationScoped
public class CareTeams {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    CareTeamDirectory directory;

    /** Priya prescribes, Theo is the therapist, Cora coordinates. */
    public void assignStandardTeam(String patientId) {
        assign(patientId, List.of(new CareTeamChanged.Member(Users.PRIYA, "PRESCRIBER"),
                new CareTeamChanged.Member(Users.THEO, "THERAPIST"),
                new CareTeamChanged.Member(Users.CORA, "COORDINATOR")));
    }

    public void assign(String patientId, List<CareTeamChanged.Member> members) {
        try (TestEventProducer events = new TestEventProducer(bootstrap, mapper)) {
            events.publish("care-plan-service", new CareTeamChanged(patientId, UUID.randomUUID().toString(), members));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> directory.team(patientId).size() == members.size()));
    }
}
