package org.careweave.chat.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The crisis vocabulary of {@code crisis/risk-vocabulary.json}: phrases per C-SSRS category, the cues of the
 * context modifiers, clause cues, the cues of a writer who says they will be back (which turn a goodbye into an
 * everyday one) and the cues of imminence. Phrases use the {@link TokenPattern} syntax and may
 * name a group, {@code @name}, which stands for each of the group's phrases.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskVocabulary(
        Map<String, List<String>> groups,
        Map<RiskCategory, List<String>> categories,
        List<String> exclusions,
        Clauses clauses,
        Modifiers modifiers,
        List<String> returning,
        List<String> imminence,
        List<String> recentPast) {

    private static final Pattern GROUP = Pattern.compile("@([a-z_]+)");
    private static final int MAX_GROUP_DEPTH = 4;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clauses(List<String> conjunctions, List<String> subjects, List<String> openers) {
    }

    /**
     * Cues of each {@link ContextModifier}. Negation and pseudo-negation reach {@code negationWindow} words forward
     * within the clause, never past a {@code negationTerminators} word ("i wont be here | when you read this");
     * {@code reported}: verbs of speech after someone else ("my brother keeps saying kms"); {@code
     * purposeExceptions}: words after "for" or "to" that keep a purpose personal ("for my kids", "to die"); {@code
     * jokes}, or {@code laughs} with {@code hyperboles}, mark a joke unless an {@code earnest} cue takes it back; the
     * others are described in the file.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Modifiers(int negationWindow, List<String> negationTerminators, List<String> negated,
            List<String> pseudoNegations,
            List<String> otherPerson, List<String> firstPerson, List<String> hypothetical, List<String> historical,
            List<String> resolved, List<String> accidental, List<String> quoted, List<String> educational,
            List<String> reported, List<String> purposeExceptions, List<String> jokes, List<String> laughs,
            List<String> hyperboles, List<String> earnest) {
    }

    public static RiskVocabulary load(String classpathResource) {
        return Vocabulary.read(classpathResource, RiskVocabulary.class);
    }

    /** The phrases, each group reference replaced by each of the group's phrases. */
    public List<TokenPattern> compile(List<String> phrases) {
        List<TokenPattern> patterns = new ArrayList<>();
        for (String phrase : phrases) {
            expand(phrase, 0).forEach(expanded -> patterns.add(new TokenPattern(expanded)));
        }
        return patterns;
    }

    private List<String> expand(String phrase, int depth) {
        Matcher group = GROUP.matcher(phrase);
        if (!group.find()) {
            return List.of(phrase);
        }
        List<String> members = groups.get(group.group(1));
        if (members == null || depth > MAX_GROUP_DEPTH) {
            throw new IllegalStateException("Unknown or recursive crisis vocabulary group: " + group.group());
        }
        List<String> expanded = new ArrayList<>();
        for (String member : members) {
            String replaced = phrase.substring(0, group.start()) + member + phrase.substring(group.end());
            expanded.addAll(expand(replaced, depth + 1));
        }
        return expanded;
    }
}
