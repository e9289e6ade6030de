package org.careweave.chat.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where a patient in crisis can get help now, ordered for each {@link RiskSeverity}: when the danger may be imminent
 * the emergency number comes first, otherwise the crisis line. Checked at startup, so a missing contact or severity
 * stops the service instead of sending a crisis reply without a number.
 */
@ApplicationScoped
public class CrisisResources {

    private final Map<RiskSeverity, List<CrisisResource>> bySeverity = new EnumMap<>(RiskSeverity.class);

    @Inject
    public CrisisResources(CrisisResourcesConfig config) {
        for (RiskSeverity severity : RiskSeverity.values()) {
            String key = severity.name().toLowerCase(Locale.ROOT);
            List<String> order = config.order().get(key);
            if (order == null || order.isEmpty()) {
                throw new IllegalStateException("careweave.chat.crisis-resources.order." + key + " is not set");
            }
            List<CrisisResource> resources = new ArrayList<>();
            for (String contactKey : order) {
                CrisisResourcesConfig.Contact contact = config.contacts().get(contactKey.trim());
                if (contact == null) {
                    throw new IllegalStateException("careweave.chat.crisis-resources.order." + key + " names "
                            + contactKey + ", which careweave.chat.crisis-resources.contacts does not define");
                }
                resources.add(new CrisisResource(contact.name(), contact.contact(), contact.how(), contact.region()));
            }
            bySeverity.put(severity, List.copyOf(resources));
        }
    }

    /** The resources to offer for {@code severity}, the first to try first. */
    public List<CrisisResource> forSeverity(RiskSeverity severity) {
        return bySeverity.get(severity);
    }

    /** One line per resource, as the reply text lists them: "call or text 988 (988 Suicide & Crisis Lifeline, US)". */
    public String describe(RiskSeverity severity) {
        return forSeverity(severity).stream()
                .map(r -> r.how() + " " + r.contact() + " (" + r.name() + ", " + r.region() + ")")
                .collect(Collectors.joining("; or "));
    }
}
