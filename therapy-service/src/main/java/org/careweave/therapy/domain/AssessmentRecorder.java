package org.careweave.therapy.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.careweave.therapy.events.TherapyEvents;

/** Scores a questionnaire on the server (never trusting a client's total) and publishes the score. */
@ApplicationScoped
public class AssessmentRecorder {

    @Inject
    TherapyEvents events;

    /** @param answers each already checked to be 0-3 */
    @Transactional
    public Assessment record(String patientId, Instrument instrument, List<Integer> answers, UUID sessionId,
            String submittedBy) {
        if (answers.size() != instrument.itemCount()) {
            throw ProblemException.badRequest("The request has invalid fields", List.of(new Problem.FieldError(
                    "answers", instrument + " has exactly " + instrument.itemCount() + " answers")));
        }
        if (sessionId != null) {
            TherapySession session = TherapySession.findById(sessionId);
            if (session == null || !session.patientId.equals(patientId)) {
                throw ProblemException.badRequest("The request has invalid fields", List.of(new Problem.FieldError(
                        "sessionId", "is not a session of this patient")));
            }
        }
        Instrument.Score score = instrument.score(answers);
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.patientId = patientId;
        assessment.instrument = instrument;
        assessment.answers = answers.stream().mapToInt(Integer::intValue).toArray();
        assessment.total = score.total();
        assessment.band = score.band();
        assessment.selfHarmRisk = score.selfHarmRisk();
        assessment.sessionId = sessionId;
        assessment.submittedBy = submittedBy;
        assessment.scoredAt = Instant.now();
        assessment.persist();
        events.scored(assessment);
        return assessment;
    }
}
