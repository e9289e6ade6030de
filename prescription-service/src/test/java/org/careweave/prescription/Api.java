package org.careweave.prescription;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Short REST calls the tests repeat. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A valid prescription body: 50 mg once daily, 2 refills, started 40 days ago. */
    public static Map<String, Object> order(String patientId, String medication, String drugClass) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patientId);
        body.put("medication", Map.of("name", medication, "drugClass", drugClass));
        body.put("dose", Map.of("amount", 50, "unit", "mg"));
        body.put("frequency", "ONCE_DAILY");
        body.put("instructions", "Take with food");
        body.put("refillsAllowed", 2);
        body.put("startDate", LocalDate.now(ZoneOffset.UTC).minusDays(40).toString());
        return body;
    }

    /** Priya prescribes; returns the new prescription's id. */
    public static String prescribe(Map<String, Object> order) {
        return as(Users.psychiatrist(Users.PRIYA)).body(order).post("/api/prescriptions").then()
                .statusCode(201).extract().path("id");
    }

    public static String prescribe(String patientId, String medication, String drugClass) {
        return prescribe(order(patientId, medication, drugClass));
    }
}
