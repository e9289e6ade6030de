package org.careweave.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crisis vocabulary as shipped, against messages patients write: the severity (NONE means no crisis reply, no
 * flag) and the C-SSRS category that fired.
 */
class CrisisDetectorTest {

    /** The phrases alone. */
    private static final CrisisDetector DETECTOR = new CrisisDetector(
            RiskVocabulary.load("crisis/risk-vocabulary.json"), Spelling.load("crisis/spelling.json"));
    private static final RiskClassifier CLASSIFIER = RiskClassifier.load(RiskClassifier.RESOURCE);
    /** As shipped: the phrases, then the classifier where no phrase matched. */
    private static final CrisisDetector SHIPPED = new CrisisDetector(
            RiskVocabulary.load("crisis/risk-vocabulary.json"), Spelling.load("crisis/spelling.json"), CLASSIFIER,
            Double.parseDouble(RiskClassifier.THRESHOLD));
    private static final CrisisDetector CLASSIFYING_EVERYTHING = new CrisisDetector(
            RiskVocabulary.load("crisis/risk-vocabulary.json"), Spelling.load("crisis/spelling.json"), CLASSIFIER, 0);

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
            HIGH => INTENT => I keep thinking I'll hang myself
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
            # Passive wishes, burden, plans, farewells, methods in the wordings of the larger development corpus: negation
            # inside a phrase ("dont have a reason to live"), "i'll"/"ill", "rly", "$" as an alternative ("gone soon|$")
            ELEVATED => WISH_TO_BE_DEAD => i dont want to wake up anymore
            ELEVATED => WISH_TO_BE_DEAD => i wish my mom never had me
            ELEVATED => WISH_TO_BE_DEAD => being dead would be easier
            ELEVATED => WISH_TO_BE_DEAD => im so done with being alive
            ELEVATED => WISH_TO_BE_DEAD => i want all of this to stop for good
            ELEVATED => WISH_TO_BE_DEAD => i dont have a reason to live
            ELEVATED => WISH_TO_BE_DEAD => i cant live like this
            ELEVATED => WISH_TO_BE_DEAD => i dont rly wanna be alive
            ELEVATED => WISH_TO_BE_DEAD => if i died tonight it would be fine
            ELEVATED => WISH_TO_BE_DEAD => i hope i dont survive the surgery
            ELEVATED => WISH_TO_BE_DEAD => i want to stop breathing
            ELEVATED => WISH_TO_BE_DEAD => death cant come soon enough
            ELEVATED => WISH_TO_BE_DEAD => ive lost the will to live
            ELEVATED => WISH_TO_BE_DEAD => im not sure i want to live anymore
            ELEVATED => WISH_TO_BE_DEAD => i dont think im supposed to be alive
            ELEVATED => WISH_TO_BE_DEAD => why cant i just die
            ELEVATED => WISH_TO_BE_DEAD => i hope i get into a car accident
            ELEVATED => BURDEN => i cost my family too much
            ELEVATED => BURDEN => i make everyones life harder
            ELEVATED => BURDEN => id be doing everyone a favour by disappearing
            ELEVATED => BURDEN => im the reason my family is unhappy
            ELEVATED => BURDEN => they wouldnt even miss me
            ELEVATED => BURDEN => i'm more trouble than i'm worth
            HIGH => PLAN => i have a spot picked out at the lake
            HIGH => PLAN => the date is set
            HIGH => PLAN => its happening this weekend
            HIGH => PLAN => i know which bridge
            HIGH => PLAN => i have a date in mind
            HIGH => PLAN => i'll go to the parking garage on saturday
            HIGH => PLAN => my plan is to jump
            HIGH => PLAN => i wrote down the steps
            HIGH => PLAN => i'm going to wait until my parents leave and then take the pills
            HIGH => PLAN => i have the pills and a date
            HIGH => FAREWELL => soon ill be gone
            HIGH => FAREWELL => i wont be needing therapy anymore
            HIGH => FAREWELL => this is our last conversation
            HIGH => FAREWELL => dont be sad when im gone
            HIGH => METHOD => would 40 of my antidepressants be enough
            HIGH => METHOD => the pills in my cabinet keep calling to me
            HIGH => METHOD => whats the quickest way to go
            HIGH => METHOD => i want to put a bullet in my head
            HIGH => METHOD => i keep thinking about driving into the river
            HIGH => PREPARATION => ive been stockpiling my meds
            HIGH => PREPARATION => i got my hands on a gun
            HIGH => PREPARATION => ive got everything ready
            IMMINENT => ATTEMPT => i took too many pills on purpose
            IMMINENT => ATTEMPT => im on the ledge
            ELEVATED => SELF_INJURY => i punched the wall until my hand bled
            HIGH => ACTIVE_THOUGHTS => i want to end things
            # Conditional death wishes ("if i got cancer i would be relieved", "i wouldnt fight it if"), negation that
            # stops at "if" ("i wouldnt mind | if a bus hit me"), reunion with the dead, disappointment at waking,
            # doubting one will make it to a date, "i am done"
            ELEVATED => WISH_TO_BE_DEAD => every morning im disappointed i opened my eyes
            ELEVATED => WISH_TO_BE_DEAD => i am done
            ELEVATED => WISH_TO_BE_DEAD => i dont think ill make it to christmas and i dont care
            ELEVATED => WISH_TO_BE_DEAD => i dont want any of this anymore not my life not anything
            ELEVATED => WISH_TO_BE_DEAD => i doubt ill make it to my birthday and honestly thats fine
            ELEVATED => WISH_TO_BE_DEAD => i hate that i woke up again today
            ELEVATED => WISH_TO_BE_DEAD => i just want to be with my dad again he passed in june
            ELEVATED => WISH_TO_BE_DEAD => i just want to join my mom
            ELEVATED => WISH_TO_BE_DEAD => i want someone to end it for me
            ELEVATED => WISH_TO_BE_DEAD => i want to be with my son again he died last year
            ELEVATED => WISH_TO_BE_DEAD => i want to go where my brother is now hes been gone two years
            ELEVATED => WISH_TO_BE_DEAD => i want to see my grandma again in heaven soon
            ELEVATED => WISH_TO_BE_DEAD => i was sad to wake up this morning
            ELEVATED => WISH_TO_BE_DEAD => i wouldnt fight it if i got sick
            ELEVATED => WISH_TO_BE_DEAD => i wouldnt fight it if the cancer came back
            ELEVATED => WISH_TO_BE_DEAD => i wouldnt mind if a bus hit me on the way to work
            ELEVATED => WISH_TO_BE_DEAD => i wouldnt mind if my plane went down
            ELEVATED => WISH_TO_BE_DEAD => i'm done. with all of it. with being here
            ELEVATED => WISH_TO_BE_DEAD => if i caught something and died i think i would be relieved
            ELEVATED => WISH_TO_BE_DEAD => if i got cancer i would be relieved
            ELEVATED => WISH_TO_BE_DEAD => life is pointless i dont want it
            ELEVATED => WISH_TO_BE_DEAD => someone should just put me down like a sick dog
            ELEVATED => WISH_TO_BE_DEAD => waking up every morning is the worst part i wish i didnt
            # Being someone others "have to deal with", who only takes, who is worth less than the insurance money
            ELEVATED => BURDEN => everyone would be better off with the insurance money than with me
            ELEVATED => BURDEN => i am a problem my family has to deal with
            ELEVATED => BURDEN => i just take and take from everyone
            ELEVATED => BURDEN => i only take from people and never give back
            ELEVATED => BURDEN => im just a problem everyone has to put up with
            ELEVATED => BURDEN => my friends would be relieved not to have to deal with me
            ELEVATED => BURDEN => my parents would be relieved if they didnt have to deal with me
            # Implicit farewells: no more worrying about me, "not your fault remember that", the last hug, funeral
            # songs, "when you read this" after a negation (the negation stops at "when"), "tell them i love them"
            HIGH => FAREWELL => dont worry about me anymore
            HIGH => FAREWELL => i already picked my funeral song
            HIGH => FAREWELL => i hugged my kids for the last time
            HIGH => FAREWELL => i hugged my mom for the last time
            HIGH => FAREWELL => i picked the songs for my funeral
            HIGH => FAREWELL => i said goodbye to my friends today
            HIGH => FAREWELL => i wont be here when you get this
            HIGH => FAREWELL => i wont be here when you read this
            HIGH => FAREWELL => i wont see you at our next session
            HIGH => FAREWELL => i wont see you next week
            HIGH => FAREWELL => its not your fault remember that
            HIGH => FAREWELL => its not your fault, remember that always
            HIGH => FAREWELL => my passwords are in the drawer for whoever needs them
            HIGH => FAREWELL => one last message before i go
            HIGH => FAREWELL => one last message before i go, thank you for everything
            HIGH => FAREWELL => please dont worry about me anymore
            HIGH => FAREWELL => please feed my fish after
            HIGH => FAREWELL => tell them all i love them
            HIGH => FAREWELL => tell them i love them
            HIGH => FAREWELL => you wont need to worry about me anymore
            # Plans timed around others' absence ("once my mom leaves for her trip i will"), places visited or chosen,
            # no way back, "i worked out everything"
            IMMINENT => PLAN => I've decided. Tonight, after my shift, I'm going to the train tracks.
            HIGH => PLAN => i already know the hotel i will check into
            HIGH => PLAN => i bought a one way ticket to the coast and ill end it there
            HIGH => PLAN => i know what i'll write and where i'll go
            HIGH => PLAN => i picked friday when my roommate is away
            HIGH => PLAN => i will do it as soon as they leave
            HIGH => PLAN => i worked out everything, the date, the place, the pills
            HIGH => PLAN => i wrote down exactly what ill do
            HIGH => PLAN => i'm driving up to the lake this weekend and i wont be driving back
            HIGH => PLAN => i've been to the bridge three times to check it out
            HIGH => PLAN => im driving to the coast this weekend to do it
            HIGH => PLAN => ive been to the spot twice already
            HIGH => PLAN => once my mom leaves for her trip i will
            HIGH => PLAN => when my roommate goes to work tomorrow i will
            HIGH => PLAN => when the kids are at school on monday
            # Intent sworn or promised
            HIGH => INTENT => i promise myself this is the last week
            HIGH => INTENT => i will do it i promise myself
            HIGH => INTENT => im going to end it i swear
            # Methods: stepping off, lying down in the snow, a car into the river, a belt
            HIGH => METHOD => i could step off the roof of my building
            HIGH => METHOD => i could use the belt from my robe
            HIGH => METHOD => i think about lying down in the snow and not getting up
            HIGH => METHOD => i thought about driving my car into the river
            HIGH => METHOD => i want to walk out into the snow and lie down
            # Preparation: life insurance arranged, plans cancelled, the apartment emptied "so my family doesnt have to"
            HIGH => PREPARATION => i cancelled all my plans for after this week
            HIGH => PREPARATION => i changed my life insurance so my son gets it
            HIGH => PREPARATION => i cleaned out my apartment so my family doesnt have to
            HIGH => PREPARATION => i set up my life insurance for my kids
            # An attempt told by its effects ("dizzy from everything i took", "the pills are starting to work") or "i
            # did it"
            IMMINENT => ATTEMPT => i did it
            IMMINENT => ATTEMPT => i did it. im sorry
            IMMINENT => ATTEMPT => i feel sleepy from the pills i took
            IMMINENT => ATTEMPT => i feel so dizzy from everything i took
            HIGH => ATTEMPT => i took pills last night and woke up sick
            IMMINENT => ATTEMPT => im taking the pills right now
            IMMINENT => ATTEMPT => my vision is going blurry from the pills
            IMMINENT => ATTEMPT => taking the pills now
            IMMINENT => ATTEMPT => the pills are starting to work my eyes are heavy
            # Self-injury "till they bled"
            ELEVATED => SELF_INJURY => i scratched my arms till they bled again
            # Ignored for a new reason: everyday contexts of the same words (a will after a wedding or a baby, a missed
            # appointment because of illness, supply for the week, charity, a tent, a pet's dose, "which bridge you
            # mean", a goodbye with "see you" or thanks for a dinner, a note to a teacher, a correction "i mean clean
            # the house", "i love her dress", peace made with a father before he died), hyperbole ("so tired i could
            # sleep forever", "existing in this boring town"); "so" before an adjective no longer ends a song's reach
            NONE => NONE => bye for good old job
            NONE => NONE => goodbye and thank you for the lovely dinner
            NONE => NONE => goodbye everyone see you at the party tomorrow
            NONE => NONE => i bought rope for the tent this weekend
            NONE => NONE => i gave away my old clothes to charity
            NONE => NONE => i have enough pills for the week
            NONE => NONE => i know which bridge you mean its the one by the park
            NONE => NONE => i made my peace with my dad before he died
            NONE => NONE => i want to stop existing in the group chat lol too many notifications
            NONE => NONE => i wont be at my appointment because im sick
            NONE => NONE => i wrote a note to my teacher
            NONE => NONE => i wrote my will after my wedding like everyone should
            NONE => NONE => i wrote my will because i had a baby
            NONE => NONE => im going to do it when im home alone i mean clean the house
            NONE => NONE => im so tired i could sleep forever
            NONE => NONE => im so tired of existing in this boring town lol
            NONE => NONE => like the song says im so tired of being alive lol
            NONE => NONE => tell my sister i love her dress
            NONE => NONE => the idea of jumping into a cold lake for charity scares me
            NONE => NONE => what is a lethal dose of caffeine for a dog
            # Near twins of the new wordings stay quiet: an achievement ("i did it!"), a reason after "see you" or a goodbye
            # (vacation, friends who moved), pills taken as the doctor said, a correction at the end ("the laundry i mean")
            NONE => NONE => I did it! I finally passed my driving test
            NONE => NONE => i won't see you next week, i'm on vacation
            NONE => NONE => i hate that i woke up late again
            NONE => NONE => i will do it as soon as i get home, the laundry i mean
            NONE => NONE => taking the pills now like the doctor said
            NONE => NONE => i feel dizzy from the pills the doctor gave me
            NONE => NONE => i said goodbye to my friends today they moved to canada
            NONE => NONE => i wouldnt mind if we met on friday
            HIGH => ACTIVE_THOUGHTS => i want to die i mean it
            IMMINENT => ATTEMPT => i took all the pills the doctor gave me
            # A welcoming frame around "if i got ..." is the wish itself, not a hypothetical; a goodbye to a pet
            ELEVATED => WISH_TO_BE_DEAD => i wouldnt mind if i got hit by a truck
            ELEVATED => WISH_TO_BE_DEAD => i would be relieved if i got a terminal diagnosis
            HIGH => FAREWELL => i said goodbye to my dog today
            NONE => NONE => if i ever get sick i will call my doctor
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
            # A negation a phrase's gap skips ("have no plan"), lyrics in the first person, an answer "no", everyday
            # contexts anywhere in the clause (climbing, organizer, club, wedding, pool), living somewhere, other phrases
            NONE => NONE => i have no plan and no intent
            NONE => NONE => that lyric i wish i was dead is stuck in my head
            NONE => NONE => i bought a rope for the climbing gym
            NONE => NONE => i saved my pills in the organizer for the week
            NONE => NONE => no thoughts of suicide or self harm this week
            NONE => NONE => the screening asked if i wished i was dead and i said no
            NONE => NONE => my last message didnt send
            NONE => NONE => im going to the bridge club tonight
            NONE => NONE => i dont want to live with my parents anymore
            NONE => NONE => i picked a date for the wedding
            NONE => NONE => i gave my cat to my mom while i travel
            NONE => NONE => my plan is to go to bed early
            NONE => NONE => im a burden to no one
            NONE => NONE => how does naloxone reverse an overdose
            NONE => NONE => i hate waking up early for work
            NONE => NONE => i'm going to jump in the pool tonight
            NONE => NONE => i want to jump out of a plane skydiving
            # Round 4 (batch 6): a joke marker, or a laugh with a hyperbole, silences talk of dying; a laugh alone or
            # one taken back ("but seriously") does not
            NONE => NONE => this traffic makes me want to drive off a cliff lol jk
            NONE => NONE => if i have to sit through one more zoom meeting ill jump out the window lol
            HIGH => ACTIVE_THOUGHTS => i want to die lol
            HIGH => INTENT => im gonna kms lol no but seriously i want to die
            # Reported speech of someone else, whatever the pronouns after it; not "tell them i said"
            NONE => NONE => my brother keeps saying kms whenever he loses at fortnite
            NONE => NONE => my mom says i'm a burden sometimes but we are working on it in family therapy
            HIGH => FAREWELL => tell them i said goodbye
            # An everyday purpose right after the means; a personal one, or one naming a risk place, stays risk
            NONE => NONE => bought pills for my dogs arthritis
            NONE => NONE => got bleach to clean the bathroom grout
            NONE => NONE => i'm parking in the garage with the engine running for a minute to warm up the car
            HIGH => PREPARATION => i bought a pack of razor blades just for this
            HIGH => PREPARATION => i bought bleach to drink
            HIGH => PLAN => i looked up the train schedule for the crossing near my house
            ELEVATED => BURDEN => im a mistake that everyone has to deal with
            ELEVATED => SELF_INJURY => i cut last night for the first time in a year
            # A plan whose action, later in the sentence, is an everyday one
            NONE => NONE => i know exactly how im going to tell my boss im quitting
            NONE => NONE => when the house is empty this weekend im going to blast music and clean
            NONE => NONE => im going to do it, im finally signing up for the half marathon
            HIGH => PLAN => i know exactly how and when
            # A lone means word is explained by an everyday context anywhere in its sentence
            NONE => NONE => we went rock climbing and i had to trust the rope completely
            HIGH => METHOD => the rope is in my closet
            # A possessive before the phrase is no subject; one inside it is
            NONE => NONE => a boy at my school died by suicide and everyone is shaken
            HIGH => METHOD => i keep imagining putting my dads gun to my head
            # A goodbye with a return is an everyday one, not when the return is denied
            NONE => NONE => goodbye everyone, see you after the holidays!
            HIGH => FAREWELL => i wont see you next week
            # An age in the past, everyday objects of "took a bunch", dye, a breakup, waking early
            NONE => NONE => when i was 15 i took a bunch of pills, i'm 30 now and doing great
            NONE => NONE => i took a bunch of photos at the wedding
            NONE => NONE => i want to die my hair purple
            NONE => NONE => im finally going to end things with my toxic friend
            NONE => NONE => i hope i dont wake up early tomorrow, i really need the sleep
            # New phrase families, one or two per category
            ELEVATED => WISH_TO_BE_DEAD => some nights i lie there and hope my heart just quits
            ELEVATED => WISH_TO_BE_DEAD => every morning i wake up and im annoyed that i did
            ELEVATED => WISH_TO_BE_DEAD => i feel like im just waiting to die at this point
            ELEVATED => WISH_TO_BE_DEAD => yo i aint tryna be here no more fr
            ELEVATED => BURDEN => my family would have an easier time if i wasnt in the picture
            ELEVATED => BURDEN => they only keep me around out of obligation
            ELEVATED => SELF_INJURY => i keep digging my nails into my arms until theres blood
            ELEVATED => SELF_INJURY => been takin it out on my skin again with the scissors
            HIGH => ACTIVE_THOUGHTS => i dont feel safe with myself tonight
            HIGH => ACTIVE_THOUGHTS => i cant stop imagining my own funeral and wanting it
            HIGH => FAREWELL => i wont be needing my next appointment
            HIGH => FAREWELL => by the time anyone reads this ill be at peace
            HIGH => METHOD => whats the tallest building in town with roof access
            HIGH => METHOD => which is quicker, pills or the bridge
            HIGH => INTENT => the decision is made, im checking out
            HIGH => INTENT => i will not be alive at christmas
            HIGH => PLAN => i have a date set for it
            HIGH => PREPARATION => i tested whether the beam in the garage would hold my weight
            HIGH => PREPARATION => i've been hoarding my oxycodone since the surgery
            IMMINENT => ATTEMPT => my stomach hurts so bad after what i took
            IMMINENT => ATTEMPT => i had the knife at my wrist and my roommate walked in
            HIGH => ATTEMPT => i tried to jump last night but a cop talked me down
            # Batch 6c: moving explains a bequest, vitamins are not an overdose, a scratch needs a sign it was meant
            NONE => NONE => i left everything for my sister when i moved, she needed the furniture more
            NONE => NONE => i took all my vitamins this morning
            NONE => NONE => i scratched my arm on a branch
            ELEVATED => SELF_INJURY => i started scratching my wrists with a safety pin again
            ELEVATED => BURDEN => i'm a waste of a person
            HIGH => PLAN => the train at 5:15 is the one, i'll be at the crossing
            IMMINENT => ATTEMPT => i'm bleeding from my wrists and it won't stop
            # Round 5: "don't see why" doubts, it does not deny; a self-soothing purpose keeps self-injury personal
            ELEVATED => WISH_TO_BE_DEAD => i dont see why i should keep living honestly id prefer to be dead
            ELEVATED => SELF_INJURY => i burned my arm with a lighter to calm down
            ELEVATED => SELF_INJURY => i cut my thigh with a razor to cope
            NONE => NONE => i dont want to die
            NONE => NONE => got bleach to clean the grout
            # Round 5: what the gap skips belongs to someone else; a return with a date in it
            NONE => NONE => my coworker mentioned he bought a rope and gave away his stuff, should i be worried
            HIGH => PREPARATION => i gave away all my stuff
            HIGH => PLAN => i know where my mom hides her pills
            NONE => NONE => this is my final message before my digital detox month, see you in march
            HIGH => FAREWELL => this is my final message, see you in heaven
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

    /**
     * The classifier's one mechanism is where it may speak: a message in which no phrase matched. At threshold 0
     * it would flag every such message, so what stays quiet here stays quiet whatever its probabilities.
     */
    @ParameterizedTest(name = "[{index}] {2} => {0} {1}")
    @CsvSource(delimiterString = " => ", textBlock = """
            # No phrase at all: the classifier decides, non-specific (HIGH), or IMMINENT with an imminence cue
            HIGH => ACTIVE_THOUGHTS => i had pasta for lunch
            IMMINENT => ACTIVE_THOUGHTS => i had pasta tonight
            # A phrase that a modifier silenced is never overridden: someone else, negation, a joke, a return
            NONE => NONE => my friend told me she wants to die
            NONE => NONE => i dont want to die
            NONE => NONE => one more meeting and ill jump out the window lol
            NONE => NONE => goodbye everyone, see you after the holidays
            # A phrase that fired keeps its own category
            ELEVATED => WISH_TO_BE_DEAD => I wish I was dead
            """)
    void classifierSpeaksOnlyWhereNoPhraseMatched(String severity, String category, String message) {
        Optional<RiskAssessment> risk = CLASSIFYING_EVERYTHING.assess(message);
        if (severity.equals("NONE")) {
            assertThat(risk).isEmpty();
        } else {
            assertThat(risk).isPresent();
            assertThat(risk.get().severity()).isEqualTo(RiskSeverity.valueOf(severity));
            assertThat(risk.get().category()).isEqualTo(RiskCategory.valueOf(category));
            assertThat(risk.get().rule().equals(CrisisDetector.CLASSIFIER_RULE))
                    .isEqualTo(category.equals("ACTIVE_THOUGHTS"));
        }
    }

    /**
     * Wordings no phrase knows, which the shipped classifier flags and the phrases alone miss (development messages
     * of the retired round-4 held-out part, so a regression test of the shipped model, not evidence that it
     * generalises: that is the leave-one-batch-out figure of the chat README).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "i looked at the train tracks today and thought about lying down on them",
            "ive got about 60 tablets stashed in my sock drawer",
            "i slapped myself over and over until my face went red, its how i deal",
            "being alive just means making my family pay for my problems",
            // a paraphrase of the last, in no corpus
            "me being alive just makes my family pay for everything"})
    void classifierCatchesWordingsNoPhraseKnows(String message) {
        assertThat(DETECTOR.assess(message)).isEmpty();
        assertThat(SHIPPED.assess(message)).map(RiskAssessment::rule).contains(CrisisDetector.CLASSIFIER_RULE);
    }

    /** The three words after a negation are marked, never past punctuation: "not_want" is not "want". */
    @Test
    void classifierFeaturesMarkWhatANegationReaches() {
        List<String> features = RiskClassifier.features(List.of(List.of(new Token("i", "PRON", "i"),
                new Token("do", "AUX", "do"), new Token("n't", "PART", "not"), new Token("want", "VERB", "want"),
                new Token("to", "PART", "to"), new Token("die", "VERB", "die"), new Token(".", "PUNCT", "."),
                new Token("i", "PRON", "i"), new Token("want", "VERB", "want"), new Token("out", "ADV", "out"))));
        assertThat(features).contains("not_want", "not_die", "not_not_want", "want", "i_want", "want_out")
                .doesNotContain("not_i", "not_out");
    }
}
