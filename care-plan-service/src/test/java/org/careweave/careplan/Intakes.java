package org.careweave.careplan;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Builds and submits intakes the way the apps do. */
final class Intakes {

    private Intakes() {
    }

    /** Mild depression, open to everything, time for weekly sessions, no budget limit. */
    static Map<String, Object> mild() {
        Map<String, Object> body = new HashMap<>();
        body.put("concerns", List.of("DEPRESSION"));
        body.put("phq9Answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0));
        body.put("gad7Answers", List.of(1, 1, 0, 0, 0, 0, 0));
        body.put("openToMedication", true);
        body.put("prefersTalkTherapy", true);
        body.put("sessionsPerMonthAvailable", 4);
        return body;
    }

    static ValidatableResponse submit(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/intakes").then();
    }

    /** A proposed plan for a new patient, from the patient's own intake; returns the plan id. */
    static String planFor(String patientId) {
        return submit(Tokens.patient(patientId), mild()).statusCode(201).extract().path("carePlanId");
    }
}
