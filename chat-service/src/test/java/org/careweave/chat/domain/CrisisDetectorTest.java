package org.careweave.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crisis vocabulary as shipped, against messages patients write: the severity (NONE means no crisis reply, no
 * flag) and the C-SSRS category that fired.
 */
class CrisisDetectorTest {

    private static final CrisisDetector DETECTOR = new CrisisDetector(
            RiskVocabulary.load("crisis/risk-vocabulary.json"), Spelling.load("crisis/spelling.json"));

    @ParameterizedTest(name = "[{index}] {2} => {0} {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
            # Attempt in progress, intent or a plan with the time or means at hand
            IMMINENT => ATTEMPT => I took all my pills an hour ago
            IMMINENT => ATTEMPT => i just swallowed a bunch of pills
            IMMINENT => INTENT => i'm going to kill myself tonight
            IMMINENT => PLAN => the pills are in my hand right now
            HIGH => ATTEMPT => i tried to kill myself last week
            # Intent, plan, preparation, method, active thoughts, farewell
            HIGH => INTENT => I'm going to commit sucide
            HIGH => PLAN => I have a plan to end my life
            HIGH => PREPARATION => ive been saving up my pills
            HIGH => PREPARATION => i wrote a suicide note
            HIGH => METHOD => I keep thinking I'll hang myself
            HIGH => METHOD => i keep thinking about overdosing
            HIGH => METHOD => i want to jump off a bridge
            HIGH => ACTIVE_THOUGHTS => I want to kill myself
            HIGH => ACTIVE_THOUGHTS => Honestly I've been thinking about killing myself
            HIGH => ACTIVE_THOUGHTS => i just want to kil myself
            HIGH => ACTIVE_THOUGHTS => kms
            HIGH => ACTIVE_THOUGHTS => I'm thinking of ending it all.
            HIGH => ACTIVE_THOUGHTS => I want to take my own life
            HIGH => ACTIVE_THOUGHTS => I'm not okay, I want to kill myself
            HIGH => ACTIVE_THOUGHTS => I DONT KNOW WHY I WANT TO KILL MYSELF
            HIGH => ACTIVE_THOUGHTS => I feel suicidal
            HIGH => ACTIVE_THOUGHTS => feeling really sucidal today
            HIGH => ACTIVE_THOUGHTS => I keep having thoughts about suicide
            HIGH => ACTIVE_THOUGHTS => thinking about suiside again
            HIGH => ACTIVE_THOUGHTS => I want to die
            HIGH => ACTIVE_THOUGHTS => i wanna die
            HIGH => ACTIVE_THOUGHTS => not gonna lie i want to die
            HIGH => ACTIVE_THOUGHTS => I'm not sleeping and I want to die
            HIGH => ACTIVE_THOUGHTS => I'm not sure why, but I want to die
            HIGH => FAREWELL => by the time you read this ill be gone
            # A negation in an earlier clause without punctuation does not reach the new subject
            HIGH => ACTIVE_THOUGHTS => i have no hope i want to die
            HIGH => ACTIVE_THOUGHTS => i cant anymore i want to die
            HIGH => ACTIVE_THOUGHTS => im not ok i want to die
            # Passive wish, self-injury, burden
            ELEVATED => WISH_TO_BE_DEAD => I wish I was dead
            ELEVATED => WISH_TO_BE_DEAD => I want to go to sleep and never wake up
            ELEVATED => WISH_TO_BE_DEAD => I don't want to live anymore
            ELEVATED => WISH_TO_BE_DEAD => I dont wanna live
            ELEVATED => WISH_TO_BE_DEAD => There's no reason to live
            ELEVATED => WISH_TO_BE_DEAD => Everyone would be better off dead... especially me
            ELEVATED => WISH_TO_BE_DEAD => I can't go on like this
            ELEVATED => WISH_TO_BE_DEAD => i cant take it anymore
            ELEVATED => WISH_TO_BE_DEAD => There's no point in living
            ELEVATED => WISH_TO_BE_DEAD => id rather be dead
            ELEVATED => WISH_TO_BE_DEAD => i just want to stop existing
            ELEVATED => SELF_INJURY => I've been cutting myself again
            ELEVATED => SELF_INJURY => I want to hurt myself
            ELEVATED => SELF_INJURY => I can't stop thinking about hurting myself
            ELEVATED => SELF_INJURY => self-harm is all I think about
            ELEVATED => BURDEN => They'd all be better off without me
            ELEVATED => BURDEN => nobody would miss me
            ELEVATED => BURDEN => im such a burden to everyone
            # Negated
            NONE => NONE => I would never kill myself
            NONE => NONE => I'm not suicidal
            NONE => NONE => I am not feeling suicidal today
            NONE => NONE => I don't want to die
            NONE => NONE => I have never thought about killing myself
            NONE => NONE => I don't want to hurt myself
            NONE => NONE => No thoughts of suicide this week
            NONE => NONE => I don't cut myself anymore
            NONE => NONE => I won't hurt myself, I promise
            NONE => NONE => Patient denies suicidal thoughts
            NONE => NONE => I'm not going to end my life
            # Historical, hypothetical, someone else, educational, quoted
            NONE => NONE => i tried to kill myself years ago but im doing well now
            NONE => NONE => i used to self harm when i was a teenager
            NONE => NONE => if i ever feel suicidal i will call 988
            NONE => NONE => my brother is suicidal how do i help him
            NONE => NONE => my son said he wants to die
            NONE => NONE => im writing an essay about suicide prevention
            NONE => NONE => in the song she sings i want to die
            NONE => NONE => my therapist asked if i had thoughts of suicide
            # Everyday language
            NONE => NONE => I'm dying to see the new movie
            NONE => NONE => This homework is killing me
            NONE => NONE => I killed it at my presentation today
            NONE => NONE => I want to dye my hair blue
            NONE => NONE => Did you watch Suicide Squad?
            NONE => NONE => I feel a bit anxious about tomorrow
            NONE => NONE => i took my pills this morning
            NONE => NONE => i cut my finger chopping onions
            NONE => NONE => im going to hang out with friends tonight
            NONE => NONE => ~~
            """)
    void assessesRisk(String severity, String category, String message) {
        Optional<RiskAssessment> risk = DETECTOR.assess(message == null ? "" : message);
        if (severity.equals("NONE")) {
            assertThat(risk).isEmpty();
        } else {
            assertThat(risk).isPresent();
            assertThat(risk.get().severity()).isEqualTo(RiskSeverity.valueOf(severity));
            assertThat(risk.get().category()).isEqualTo(RiskCategory.valueOf(category));
        }
    }
}
