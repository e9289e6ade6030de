package org.careweave.therapy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AssessmentTest {

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({ "0,MINIMAL", "4,MINIMAL", "5,MILD", "9,MILD", "10,MODERATE", "14,MODERATE",
            "15,MODERATELY_SEVERE", "19,MODERATELY_SEVERE", "20,SEVERE", "27,SEVERE" })
    void phq9IsScoredIntoThePublishedBands(int total, String band) {
        CareTeam team = CareTeam.assigned();
        List<Integer> answers = answersSumming(total, 9);
        submit(team, "PHQ9", answers).statusCode(201)
                .body("total", equalTo(total))
                .body("band", equalTo(band))
                .body("selfHarmRisk", equalTo(answers.get(8) > 0))
                .body("answers", equalTo(answers));
    }

    @ParameterizedTest(name = "GAD-7 total {0} is {1}")
    @CsvSource({ "0,MINIMAL", "4,MINIMAL", "5,MILD", "9,MILD", "10,MODERATE", "14,MODERATE", "15,SEVERE",
            "21,SEVERE" })
    void gad7IsScoredIntoThePublishedBands(int total, String band) {
        CareTeam team = CareTeam.assigned();
        submit(team, "GAD7", answersSumming(total, 7)).statusCode(201)
                .body("total", equalTo(total))
                .body("band", equalTo(band))
                .body("selfHarmRisk", equalTo(false));
    }

    @Test
    void anyAnswerAboveZeroOnPhq9Item9IsASelfHarmRiskWhateverTheTotal() {
        CareTeam team = CareTeam.assigned();
        submit(team, "PHQ9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)).statusCode(201)
                .body("total", equalTo(1))
                .body("band", equalTo("MINIMAL"))
                .body("selfHarmRisk", equalTo(true));
        submit(team, "PHQ9", List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)).statusCode(201)
                .body("total", equalTo(24))
                .body("selfHarmRisk", equalTo(false));
    }

    @ParameterizedTest(name = "{0} with {1} answers is rejected")
    @CsvSource({ "PHQ9,8", "PHQ9,10", "PHQ9,7", "GAD7,6", "GAD7,8", "GAD7,9", "PHQ9,0" })
    void wrongAnswerCountsAreRejected(String instrument, int count) {
        CareTeam team = CareTeam.assigned();
        submit(team, instrument, Collections.nCopies(count, 1)).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("answers"));
    }

    @Test
    void answersOutsideZeroToThreeAreRejectedByPosition() {
        CareTeam team = CareTeam.assigned();
        submit(team, "PHQ9", List.of(0, 1, 2, 4, 0, 0, 0, -1, 0)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers[3]", "answers[7]"));
    }

    @Test
    void aPatientRecordingTheirOwnAssessmentNeedNotNameThemself() {
        CareTeam team = CareTeam.assigned();
        Map<String, Object> body = new HashMap<>();
        body.put("instrument", "PHQ9");
        body.put("answers", List.of(1, 1, 1, 1, 1, 1, 1, 0, 0));
        team.asPatient().body(body).post("/api/therapy/assessments").then().statusCode(201)
                .body("patientId", equalTo(team.patient()))
                .body("total", equalTo(7));
        team.asPatient().get("/api/therapy/assessments?patientId={p}", team.patient()).then().statusCode(200)
                .body("size()", equalTo(1));

        // A therapist records for one of several patients: they must say which.
        team.asTherapist().body(body).post("/api/therapy/assessments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("patientId"));
    }

    @Test
    void malformedAssessmentsAnswer400ProblemJson() {
        CareTeam team = CareTeam.assigned();
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", team.patient());
        body.put("instrument", "BDI");
        body.put("answers", List.of(0, 0, 0, 0, 0, 0, 0));
        team.asPatient().body(body).post("/api/therapy/assessments").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("instrument"));

        body.put("instrument", "GAD7");
        body.put("answers", List.of(0, 0, "x", 0, 0, 0, 0));
        team.asPatient().body(body).post("/api/therapy/assessments").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("answers[2]"));

        body.remove("answers");
        team.asPatient().body(body).post("/api/therapy/assessments").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("answers"));

        team.asPatient().get("/api/therapy/assessments?patientId={p}&instrument=BDI", team.patient())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("instrument"));
    }

    @Test
    void listShowsTheTrendAgainstThePreviousAndTheBaselineScorePerInstrument() {
        CareTeam team = CareTeam.assigned();
        submit(team, "PHQ9", answersSumming(20, 9)).statusCode(201)
                .body("changeFromPrevious", nullValue()).body("changeFromBaseline", nullValue());
        submit(team, "GAD7", answersSumming(12, 7)).statusCode(201);
        submit(team, "PHQ9", answersSumming(14, 9)).statusCode(201)
                .body("changeFromPrevious", equalTo(-6)).body("changeFromBaseline", equalTo(-6))
                .body("response", equalTo(false));
        submit(team, "PHQ9", answersSumming(4, 9)).statusCode(201)
                .body("changeFromPrevious", equalTo(-10)).body("changeFromBaseline", equalTo(-16))
                .body("response", equalTo(true)).body("remission", equalTo(true));

        team.asTherapist().get("/api/therapy/assessments?patientId={p}&instrument=PHQ9", team.patient()).then()
                .statusCode(200)
                .body("", hasSize(3))
                .body("total", contains(20, 14, 4))
                .body("band", contains("SEVERE", "MODERATE", "MINIMAL"))
                .body("changeFromBaseline", contains(null, -6, -16))
                .body("changeFromPrevious", contains(null, -6, -10));
        team.asPsychiatrist().get("/api/therapy/assessments?patientId={p}", team.patient()).then()
                .statusCode(200)
                .body("instrument", contains("PHQ9", "GAD7", "PHQ9", "PHQ9"))
                .body("changeFromBaseline", contains(null, null, -6, -16));
    }

    @Test
    void thePatientsTherapistMayRecordButNotThePsychiatristNorAStranger() {
        CareTeam team = CareTeam.assigned();
        CareTeam other = CareTeam.assigned();
        team.asTherapist().body(body(team, "GAD7", answersSumming(6, 7))).post("/api/therapy/assessments").then()
                .statusCode(201).body("band", equalTo("MILD"));
        team.asPsychiatrist().body(body(team, "GAD7", answersSumming(6, 7))).post("/api/therapy/assessments").then()
                .statusCode(403).contentType("application/problem+json");
        other.asTherapist().body(body(team, "GAD7", answersSumming(6, 7))).post("/api/therapy/assessments").then()
                .statusCode(404).contentType("application/problem+json");
        other.asPatient().body(body(team, "GAD7", answersSumming(6, 7))).post("/api/therapy/assessments").then()
                .statusCode(404);
        other.asPatient().get("/api/therapy/assessments?patientId={p}", team.patient()).then().statusCode(404);
        team.asPatient().get("/api/therapy/assessments?patientId={p}", team.patient()).then()
                .statusCode(200).body("", hasSize(1));
    }

    @Test
    void anAssessmentTakenInASessionMustNameASessionOfThatPatient() {
        CareTeam team = CareTeam.assigned();
        CareTeam other = CareTeam.assigned();
        String session = team.book(CareTeam.daysAhead(3));
        String othersSession = other.book(CareTeam.daysAhead(3));

        Map<String, Object> inSession = body(team, "PHQ9", answersSumming(8, 9));
        inSession.put("sessionId", session);
        team.asPatient().body(inSession).post("/api/therapy/assessments").then().statusCode(201)
                .body("sessionId", equalTo(session));

        inSession.put("sessionId", othersSession);
        team.asPatient().body(inSession).post("/api/therapy/assessments").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("sessionId"));
    }

    static ValidatableResponse submit(CareTeam team, String instrument, List<Integer> answers) {
        return team.asPatient().body(body(team, instrument, answers)).post("/api/therapy/assessments").then();
    }

    static Map<String, Object> body(CareTeam team, String instrument, List<Integer> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", team.patient());
        body.put("instrument", instrument);
        body.put("answers", answers);
        return body;
    }

    /** Answers adding up to {@code total}, filled from the first item so PHQ-9 item 9 stays 0 up to 24. */
    static List<Integer> answersSumming(int total, int items) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < items; i++) {
            int answer = Math.min(3, left);
            answers.add(answer);
            left -= answer;
        }
        return answers;
    }
}
