package org.careweave.chat.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.careweave.chat.ChatFixture;
import org.careweave.chat.ChatFixture.Person;
import org.careweave.platform.events.Topics;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class ConversationResourceTest {

    @Inject
    ChatFixture fixture;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void patientOpensTheirConversationOnceAndItIsAnnounced() {
        Person patient = fixture.person("patient");
        String id = given().auth().oauth2(patient.token()).contentType(ContentType.JSON)
                .body(Map.of("kind", "CARE_TEAM")).post("/api/chat/conversations").then()
                .statusCode(201)
                .header("Location", containsString("/api/chat/conversations/"))
                .body("patientId", equalTo(patient.id()))
                .body("kind", equalTo("CARE_TEAM"))
                .extract().path("id");
        given().auth().oauth2(patient.token()).contentType(ContentType.JSON)
                .body(Map.of("kind", "CARE_TEAM")).post("/api/chat/conversations").then()
                .statusCode(200).body("id", equalTo(id));

        try (TestKafkaConsumer consumer = new TestKafkaConsumer(bootstrap, Topics.CHAT)) {
            var records = consumer.awaitRecords(Topics.CHAT, record -> record.value().contains(id), Duration.ofSeconds(15));
            assertThat(records).hasSize(1);
            JsonObject event = new JsonObject(records.get(0).value());
            assertThat(records.get(0).key()).isEqualTo(patient.id());
            assertThat(event.getString("type")).isEqualTo("careweave.chat.conversation.opened.v1");
            assertThat(event.getJsonObject("data").getMap()).containsOnlyKeys("patientId", "conversationId", "kind");
        }
    }

    @Test
    void simultaneousFirstOpensGetOneConversation() throws Exception {
        Person patient = fixture.person("patient");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<io.restassured.response.Response>> opens = pool.invokeAll(Collections.nCopies(6,
                    () -> given().auth().oauth2(patient.token()).contentType(ContentType.JSON)
                            .body(Map.of("kind", "SUPPORT")).post("/api/chat/conversations")));
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<io.restassured.response.Response> open : opens) {
                io.restassured.response.Response response = open.get();
                assertThat(response.statusCode()).isIn(200, 201);
                created += response.statusCode() == 201 ? 1 : 0;
                ids.add(response.path("id"));
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachSideSeesOnlyTheConversationsItBelongsTo() {
        Person patient = fixture.person("patient");
        Person therapist = fixture.person("therapist");
        Person psychiatrist = fixture.person("psychiatrist");
        Person coordinator = fixture.person("care-coordinator");
        fixture.careTeam(patient, Map.of(therapist, "THERAPIST", psychiatrist, "PRESCRIBER", coordinator, "COORDINATOR"));
        String careTeam = fixture.open(patient, "CARE_TEAM", patient);
        String support = fixture.open(patient, "SUPPORT", patient);
        String teamOnly = fixture.open(therapist, "TEAM_ONLY", patient);

        assertThat(idsOf(patient)).containsExactlyInAnyOrder(careTeam, support);
        assertThat(idsOf(therapist)).containsExactlyInAnyOrder(careTeam, teamOnly);
        assertThat(idsOf(psychiatrist)).containsExactlyInAnyOrder(careTeam, teamOnly);
        assertThat(idsOf(coordinator)).containsExactly(careTeam);

        messages(patient, teamOnly).statusCode(404).contentType("application/problem+json");
        messages(therapist, support).statusCode(404);
        messages(coordinator, teamOnly).statusCode(404);
        messages(psychiatrist, teamOnly).statusCode(200);
    }

    @Test
    void anotherPatientsConversationIsNotFoundAndTheRefusalIsAudited() {
        Person alice = fixture.person("patient");
        Person ben = fixture.person("patient");
        Person stranger = fixture.person("therapist");
        String alicesConversation = fixture.open(alice, "CARE_TEAM", alice);

        messages(ben, alicesConversation).statusCode(404).contentType("application/problem+json");
        messages(stranger, alicesConversation).statusCode(404);
        given().auth().oauth2(ben.token()).contentType(ContentType.JSON).body(Map.of("text", "hi"))
                .post("/api/chat/conversations/" + alicesConversation + "/messages").then().statusCode(404);
        assertThat(idsOf(ben)).isEmpty();

        String admin = OidcWiremockTestResource.generateJwtToken("adam", Set.of("admin"), "admin-1", "Bearer");
        given().auth().oauth2(admin).queryParam("patientId", alice.id()).get("/api/audit-entries").then()
                .statusCode(200)
                .body("findAll { it.subject == '" + ben.id() + "' }.outcome", hasItem("DENIED"));
    }

    @Test
    void providerRemovedFromTheTeamLosesAccessAtOnce() {
        Person patient = fixture.person("patient");
        Person therapist = fixture.person("therapist");
        Person newTherapist = fixture.person("therapist");
        fixture.careTeam(patient, Map.of(therapist, "THERAPIST"));
        String conversation = fixture.open(patient, "CARE_TEAM", patient);
        messages(therapist, conversation).statusCode(200);

        fixture.careTeam(patient, Map.of(newTherapist, "THERAPIST"));

        messages(therapist, conversation).statusCode(404);
        assertThat(idsOf(therapist)).isEmpty();
        messages(newTherapist, conversation).statusCode(200);
    }

    @Test
    void whoMayOpenWhichKind() {
        Person patient = fixture.person("patient");
        Person therapist = fixture.person("therapist");
        Person coordinator = fixture.person("care-coordinator");
        Person stranger = fixture.person("psychiatrist");
        fixture.careTeam(patient, Map.of(therapist, "THERAPIST", coordinator, "COORDINATOR"));

        open(patient, Map.of("kind", "TEAM_ONLY")).statusCode(403).contentType("application/problem+json");
        open(therapist, Map.of("kind", "SUPPORT", "patientId", patient.id())).statusCode(403);
        open(coordinator, Map.of("kind", "TEAM_ONLY", "patientId", patient.id())).statusCode(403);
        open(stranger, Map.of("kind", "CARE_TEAM", "patientId", patient.id())).statusCode(404);
        open(therapist, Map.of("kind", "CARE_TEAM", "patientId", patient.id())).statusCode(201);
        open(therapist, Map.of("kind", "CARE_TEAM")).statusCode(400)
                .body("errors.field", equalTo(List.of("patientId")));
        open(patient, Map.of("kind", "GROUP")).statusCode(400).contentType("application/problem+json");
        open(patient, Map.of()).statusCode(400).body("errors.field", equalTo(List.of("kind")));
    }

    @Test
    void tokenAndRoleAreRequired() {
        given().get("/api/chat/conversations").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get("/api/chat/conversations").then().statusCode(401);
        String admin = OidcWiremockTestResource.generateJwtToken("adam", Set.of("admin"), "admin-1", "Bearer");
        given().auth().oauth2(admin).get("/api/chat/conversations").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private List<String> idsOf(Person person) {
        return given().auth().oauth2(person.token()).get("/api/chat/conversations").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
    }

    private static ValidatableResponse messages(Person person, String conversation) {
        return given().auth().oauth2(person.token()).get("/api/chat/conversations/" + conversation + "/messages").then();
    }

    private static ValidatableResponse open(Person person, Map<String, String> body) {
        return given().auth().oauth2(person.token()).contentType(ContentType.JSON).body(body)
                .post("/api/chat/conversations").then();
    }
}
