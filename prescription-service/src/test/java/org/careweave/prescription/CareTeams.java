package org.careweave.prescription;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careweave.platform.careteam.CareTeamDirectory;
import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.Topics;
import org.careweave.platform.events.careplan.CareTeamChanged;
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
        CareTeamChanged change = new CareTeamChanged(patientId, UUID.randomUUID().toString(), members);
        CloudEvent event = CloudEvent.of("/careweave/care-plan-service", change, mapper);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CAREPLAN, patientId, mapper.writeValueAsString(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Care-team event could not be sent", e);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> directory.team(patientId).size() == members.size()));
    }
}
