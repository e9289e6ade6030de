package org.careweave.chat.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.careweave.chat.ChatFixture;
import org.careweave.chat.ChatFixture.Person;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Many sends at once fit the default connection pool; text PostgreSQL cannot store and oversize pages answer 400. */
@QuarkusTest
class ChatCapacityAndInputTest {

    @Inject
    ChatFixture fixture;

    @Test
    void fortyConcurrentSendsAllSucceedWithTheDefaultPool() throws Exception {
        List<Person> patients = new ArrayList<>();
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Person patient = fixture.person("patient");
            patients.add(patient);
            conversations.add(fixture.open(patient, "SUPPORT", patient));
        }
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Person patient = patients.get(i);
                String conversation = conversations.get(i);
                Callable<Integer> send = () -> given().auth().oauth2(patient.token()).contentType(ContentType.JSON)
                        .body(Map.of("text", "hello from the waiting room"))
                        .post("/api/chat/conversations/{id}/messages", conversation).then().extract().statusCode();
                statuses.add(clients.submit(send));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(120, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aNulInAMessageAnswers400AndStoresNothing() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);
        given().auth().oauth2(patient.token()).contentType(ContentType.JSON).body("{\"text\": \"hello\\u0000\"}")
                .post("/api/chat/conversations/{id}/messages", conversation).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("text"));
        given().auth().oauth2(patient.token()).get("/api/chat/conversations/{id}/messages", conversation).then()
                .statusCode(200)
                .body("messages.text", not(hasItem(containsString("hello"))));
    }

    @Test
    void listsAnswerCappedPages() {
        Person patient = fixture.person("patient");
        fixture.open(patient, "SUPPORT", patient);
        String careTeam = fixture.open(patient, "CARE_TEAM", patient);
        given().auth().oauth2(patient.token()).get("/api/chat/conversations?limit=1").then()
                .statusCode(200)
                .body("", hasSize(1))
                .header("Link", containsString("page=1"));
        given().auth().oauth2(patient.token()).get("/api/chat/conversations?limit=501").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("limit"));
        given().auth().oauth2(patient.token()).get("/api/chat/conversations/{id}/messages?limit=101", careTeam).then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
