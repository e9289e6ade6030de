package org.careweave.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The crisis vocabulary as shipped, against messages patients write; NONE means no crisis reply, no flag. */
class CrisisDetectorTest {

    private static final CrisisDetector DETECTOR = new CrisisDetector(CrisisPhrases.load("crisis/phrases.json"));

    @ParameterizedTest(name = "[{index}] {1} => {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
            # Intent, plan or act
            CRITICAL => I want to kill myself
            CRITICAL => i'm going to kill myself tonight
            CRITICAL => Honestly I've been thinking about killing myself
            CRITICAL => i just want to kil myself
            CRITICAL => kms
            CRITICAL => I have a plan to end my life
            CRITICAL => I'm thinking of ending it all.
            CRITICAL => I want to take my own life
            CRITICAL => I'm going to commit sucide
            CRITICAL => I took all my pills an hour ago
            CRITICAL => I keep thinking I'll hang myself
            CRITICAL => I'm not okay, I want to kill myself
            CRITICAL => I DONT KNOW WHY I WANT TO KILL MYSELF
            # Thoughts of suicide or self-harm
            HIGH => I feel suicidal
            HIGH => feeling really sucidal today
            HIGH => I keep having thoughts about suicide
            HIGH => thinking about suiside again
            HIGH => I want to die
            HIGH => i wanna die
            HIGH => I wish I was dead
            HIGH => Everyone would be better off dead... especially me
            HIGH => I want to go to sleep and never wake up
            HIGH => I don't want to live anymore
            HIGH => I dont wanna live
            HIGH => There's no reason to live
            HIGH => I've been cutting myself again
            HIGH => I want to hurt myself
            HIGH => I can't stop thinking about hurting myself
            HIGH => not gonna lie i want to die
            HIGH => I'm not sleeping and I want to die
            HIGH => I'm not sure why, but I want to die
            HIGH => self-harm is all I think about
            # Hopelessness
            MODERATE => I can't go on like this
            MODERATE => i cant take it anymore
            MODERATE => There's no point in living
            MODERATE => They'd all be better off without me
            MODERATE => nobody would miss me
            # Negations that must not fire
            NONE => I would never kill myself
            NONE => I'm not suicidal
            NONE => I am not feeling suicidal today
            NONE => I don't want to die
            NONE => I have never thought about killing myself
            NONE => I don't want to hurt myself
            NONE => No thoughts of suicide this week
            NONE => I don't cut myself anymore
            NONE => I won't hurt myself, I promise
            NONE => Patient denies suicidal thoughts
            NONE => I'm not going to end my life
            # Everyday language that must not fire
            NONE => I'm dying to see the new movie
            NONE => This homework is killing me
            NONE => I killed it at my presentation today
            NONE => I want to dye my hair blue
            NONE => Did you watch Suicide Squad?
            NONE => I feel a bit anxious about tomorrow
            NONE => ~~
            """)
    void assessesRisk(String expected, String message) {
        Optional<RiskSeverity> expectedSeverity = expected.equals("NONE") ? Optional.empty()
                : Optional.of(RiskSeverity.valueOf(expected));
        assertThat(DETECTOR.assess(message == null ? "" : message)).isEqualTo(expectedSeverity);
    }
}
