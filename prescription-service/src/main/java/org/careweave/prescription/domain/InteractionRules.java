package org.careweave.prescription.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

/**
 * The drug-class rule table, read from a resource file at start so clinicians can change it without code.
 * A missing or malformed table stops the service from starting: prescribing without the checks is worse than
 * not prescribing.
 */
@Startup
@ApplicationScoped
public class InteractionRules {

    /** A pair of classes that must not be taken together, and why. */
    public record Combination(List<DrugClass> classes, String reason) {

        boolean matches(DrugClass a, DrugClass b) {
            return classes.size() == 2
                    && (classes.get(0) == a && classes.get(1) == b || classes.get(0) == b && classes.get(1) == a);
        }
    }

    record Table(String description, List<Combination> dangerousCombinations,
            Set<DrugClass> sameClassDuplicateExemptClasses) {
    }

    private final Table table;

    @Inject
    public InteractionRules(ObjectMapper mapper,
            @ConfigProperty(name = "careweave.prescription.safety.rules") String resource) {
        this(read(mapper, resource));
    }

    InteractionRules(Table table) {
        if (table.dangerousCombinations() == null || table.sameClassDuplicateExemptClasses() == null) {
            throw new IllegalStateException("The interaction rule table is incomplete");
        }
        table.dangerousCombinations().forEach(rule -> {
            if (rule.classes() == null || rule.classes().size() != 2 || rule.reason() == null) {
                throw new IllegalStateException("An interaction rule needs exactly two classes and a reason");
            }
        });
        this.table = table;
    }

    /** The rule forbidding {@code a} with {@code b}, if there is one. */
    public Optional<Combination> dangerous(DrugClass a, DrugClass b) {
        return table.dangerousCombinations().stream().filter(rule -> rule.matches(a, b)).findFirst();
    }

    /** Whether a second medication of this class needs the prescriber's explicit override. */
    public boolean isSameClassDuplicate(DrugClass a, DrugClass b) {
        return a == b && !table.sameClassDuplicateExemptClasses().contains(a);
    }

    private static Table read(ObjectMapper mapper, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Interaction rule table " + resource + " is not on the classpath");
            }
            return mapper.readValue(in, Table.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Interaction rule table " + resource + " cannot be read", e);
        }
    }
}
