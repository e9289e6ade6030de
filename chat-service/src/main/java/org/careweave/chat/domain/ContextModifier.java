package org.careweave.chat.domain;

/** Why a risk phrase in a message does not speak of the writer's risk now (after ConText, Chapman et al.). */
public enum ContextModifier {
    /** "i would never kill myself", "no thoughts of self harm". */
    NEGATED,
    /** "years ago i tried to kill myself", "i used to cut". */
    HISTORICAL,
    /** "if i ever feel suicidal i will call". */
    HYPOTHETICAL,
    /** "my friend is suicidal", "he wants to die". */
    OTHER_PERSON,
    /** "i cut myself shaving", "burned myself on the oven by accident", "bought a rope for my sailing lessons". */
    ACCIDENTAL,
    /** Song lyrics, quotes. */
    QUOTED,
    /** Essays, classes, the news, questions about warning signs, a clinician's screening questions. */
    EDUCATIONAL
}
