package org.careweave.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Automated support offers exercises only: no diagnosis, no medicine or dosing advice, always labelled. */
class SelfHelpLibraryTest {

    private static final List<String> CLINICAL_ADVICE = List.of("diagnos", "disorder", "medication", "medicine",
            "dose", "dosage", " mg", "pill", "prescri", "you have depression", "you have anxiety", "increase", "stop taking");

    private final SelfHelpLibrary library = new SelfHelpLibrary("support/self-help.json");
    private final AutomatedSupport support = new AutomatedSupport(library, CrisisResourcesTest.shipped());

    @Test
    void exercisesGiveNoDiagnosisOrMedicineAdvice() {
        assertThat(library.exercises()).hasSizeGreaterThanOrEqualTo(3);
        for (SelfHelpLibrary.Exercise exercise : library.exercises()) {
            String text = exercise.text().toLowerCase();
            assertThat(CLINICAL_ADVICE).as(exercise.id()).noneMatch(text::contains);
        }
    }

    @Test
    void exercisesFollowWhatThePatientDescribes() {
        assertThat(library.answer("I'm panicking", 0)).contains("paced breathing");
        assertThat(library.answer("my thoughts keep telling me I'm a failure", 0)).contains("thought record");
        assertThat(library.answer("I feel numb and unreal", 0)).contains("5-4-3-2-1");
        assertThat(library.answer("hello", 0)).isNotEqualTo(library.answer("hello", 1));
    }

    @Test
    void medicineQuestionsAreRedirected() {
        assertThat(library.answer("Can I take two pills instead of one?", 0))
                .contains("can't answer questions about medicines").contains("care team");
        assertThat(library.answer("Do I have bipolar disorder?", 0)).contains("can't answer");
    }

    @Test
    void repliesAreLabelledAutomated() {
        assertThat(support.selfHelpReply("hello", 0, false)).contains("automated message");
        assertThat(support.selfHelpReply("hello", 0, true)).startsWith("Nobody from your care team is online");
        assertThat(support.crisisReply(RiskSeverity.HIGH)).contains("call or text 988").contains("911").contains("automated message");
        assertThat(support.crisisResources(RiskSeverity.HIGH)).extracting(CrisisResource::contact)
                .containsExactly("988", "911", "741741");
    }
}
