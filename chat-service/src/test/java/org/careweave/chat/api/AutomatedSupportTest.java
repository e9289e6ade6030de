package org.careweave.chat.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.careweave.chat.ChatFixture;
import org.careweave.chat.ChatFixture.Person;
import org.careweave.chat.SocketClient;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

@QuarkusTest
class AutomatedSupportTest {

    @Inject
    ChatFixture fixture;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URI base;

    @Test
    void supportConversationAnswersWithLabelledSelfHelp() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);

        MessageResourceTest.send(patient, conversation, "I'm so anxious I can barely breathe", null).statusCode(201)
                .body("replies[0].kind", equalTo("SELF_HELP"))
                .body("replies[0].automated", equalTo(true))
                .body("replies[0].authorName", equalTo("Careweave support (automated)"))
                .body("replies[0].authorRole", equalTo("automated"))
                .body("replies[0].text", containsString("paced breathing"))
                .body("replies[0].text", containsString("automated message"));
    }

    @Test
    void questionsAboutMedicinesAreLeftToTheCareTeam() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);

        MessageResourceTest.send(patient, conversation, "Should I double my sertraline dose tonight?", null)
                .statusCode(201)
                .body("replies[0].text", containsString("can't answer questions about medicines"))
                .body("replies[0].text", not(containsString("mg")));
    }

    @Test
    void careTeamConversationGetsAutomatedHelpOnlyWhileNobodyIsOnline() {
        Person patient = fixture.person("patient");
        Person therapist = fixture.person("therapist");
        fixture.careTeam(patient, Map.of(therapist, "THERAPIST"));
        String conversation = fixture.open(patient, "CARE_TEAM", patient);

        MessageResourceTest.send(patient, conversation, "Feeling low tonight", null).statusCode(201)
                .body("replies[0].kind", equalTo("SELF_HELP"))
                .body("replies[0].text", containsString("Nobody from your care team is online"));
        // Once per absence window, not after every message.
        MessageResourceTest.send(patient, conversation, "Still here", null).statusCode(201)
                .body("replies.size()", equalTo(0));

        Person otherPatient = fixture.person("patient");
        fixture.careTeam(otherPatient, Map.of(therapist, "THERAPIST"));
        String otherConversation = fixture.open(otherPatient, "CARE_TEAM", otherPatient);
        try (SocketClient online = SocketClient.connect(vertx, base, therapist.token())) {
            online.send(otherConversation, "I'm here this evening", "t1");
            online.await("ack", Duration.ofSeconds(5));
            MessageResourceTest.send(otherPatient, otherConversation, "Feeling low tonight", null).statusCode(201)
                    .body("replies.size()", equalTo(0));
        }
    }
}
