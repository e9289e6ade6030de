package org.careweave.prescription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped rule table, read the way the service reads it at start. */
class InteractionRulesTest {

    final InteractionRules rules = new InteractionRules(new ObjectMapper(), "safety/interaction-rules.json");

    @Test
    void maoiIsForbiddenWithSsriSnriTcaAndAnotherMaoiInEitherOrder() {
        for (DrugClass other : List.of(DrugClass.SSRI, DrugClass.SNRI, DrugClass.TCA, DrugClass.MAOI)) {
            assertThat(rules.dangerous(DrugClass.MAOI, other)).as("MAOI with %s", other).isPresent();
            assertThat(rules.dangerous(other, DrugClass.MAOI)).as("%s with MAOI", other).isPresent();
        }
        assertThat(rules.dangerous(DrugClass.SSRI, DrugClass.MAOI).orElseThrow().reason())
                .contains("serotonin syndrome");
    }

    @Test
    void commonCombinationsPass() {
        assertThat(rules.dangerous(DrugClass.SSRI, DrugClass.ATYPICAL_ANTIPSYCHOTIC)).isEmpty();
        assertThat(rules.dangerous(DrugClass.SSRI, DrugClass.NDRI)).isEmpty();
        assertThat(rules.dangerous(DrugClass.MOOD_STABILIZER, DrugClass.ATYPICAL_ANTIPSYCHOTIC)).isEmpty();
    }

    @Test
    void sameClassIsADuplicateExceptForOther() {
        assertThat(rules.isSameClassDuplicate(DrugClass.SSRI, DrugClass.SSRI)).isTrue();
        assertThat(rules.isSameClassDuplicate(DrugClass.SSRI, DrugClass.SNRI)).isFalse();
        assertThat(rules.isSameClassDuplicate(DrugClass.OTHER, DrugClass.OTHER)).isFalse();
    }

    @Test
    void anIncompleteTableIsRefused() {
        assertThatThrownBy(() -> new InteractionRules(new InteractionRules.Table("x",
                List.of(new InteractionRules.Combination(List.of(DrugClass.MAOI), "why")), Set.of())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new InteractionRules(new ObjectMapper(), "safety/missing.json"))
                .isInstanceOf(IllegalStateException.class);
    }
}
