package org.careweave.chat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.careteam.CareTeamDirectory;
import org.careweave.platform.events.careplan.CareTeamChanged;
import org.careweave.platform.testing.TestEventProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** People and care teams for chat tests: every test makes its own, so tests never share state. */
@ApplicationScoped
public class ChatFixture {

    /** A signed-in person with a fresh subject id. */
    public record Person(String id, String role, String token) {
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    CareTeamDirectory directory;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    public Person person(String role) {
        String id = UUID.randomUUID().toString();
        return new Person(id, role, OidcWiremockTestResource.generateJwtToken(role + "-" + id.substring(0, 8),
                Set.of(role), id, "Bearer"));
    }

    /**
     * Publishes the patient's whole care team as the care plan does and waits until this service has applied it.
     * Each member is a provider and their team role (THERAPIST, PRESCRIBER, COORDINATOR).
     */
    public void careTeam(Person patient, Map<Person, String> members) {
        CareTeamChanged change = new CareTeamChanged(patient.id(), UUID.randomUUID().toString(),
                members.entrySet().stream().map(e -> new CareTeamChanged.Member(e.getKey().id(), e.getValue())).toList());
        try (TestEventProducer events = new TestEventProducer(bootstrap, mapper)) {
            events.publish("care-plan-service", change);
        }
        Set<String> expected = members.keySet().stream().map(Person::id).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                directory.team(patient.id()).stream().map(m -> m.providerId).collect(Collectors.toSet())
                        .equals(expected)));
    }

    /** Opens (or finds) a conversation over REST and returns its id. */
    public String open(Person caller, String kind, Person patient) {
        Map<String, Object> body = patient == null || patient.equals(caller) ? Map.of("kind", kind)
                : Map.of("kind", kind, "patientId", patient.id());
        return given().auth().oauth2(caller.token()).contentType(ContentType.JSON).body(body)
                .post("/api/chat/conversations").then()
                .statusCode(anyOf(is(200), is(201)))
                .extract().path("id");
    }
}
