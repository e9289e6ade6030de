package org.careweave.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The crisis reply offers the configured services in the order configured for the hit's severity. */
class CrisisResourcesTest {

    /** The shipped configuration (application.properties), for unit tests of the classes that use it. */
    static CrisisResources shipped() {
        return new CrisisResources(config(Map.of(
                "imminent", List.of("emergency", "lifeline", "text-line"),
                "high", List.of("lifeline", "emergency", "text-line"),
                "elevated", List.of("lifeline", "text-line", "emergency"))));
    }

    private final CrisisResources resources = shipped();
    private final AutomatedSupport support = new AutomatedSupport(new SelfHelpLibrary("support/self-help.json"), resources);

    @Test
    void imminentPutsTheEmergencyNumberFirst() {
        assertThat(resources.forSeverity(RiskSeverity.IMMINENT)).extracting(CrisisResource::contact)
                .containsExactly("911", "988", "741741");
        String reply = support.crisisReply(RiskSeverity.IMMINENT);
        assertThat(reply).startsWith("Thank you for telling us").contains("get help now: call 911 (Emergency services, US)");
        assertThat(reply.indexOf("911")).isLessThan(reply.indexOf("988"));
        assertThat(reply.indexOf("988")).isLessThan(reply.indexOf("741741"));
    }

    @Test
    void highPutsTheCrisisLineFirstThenTheEmergencyNumber() {
        assertThat(resources.forSeverity(RiskSeverity.HIGH)).extracting(CrisisResource::contact)
                .containsExactly("988", "911", "741741");
        String reply = support.crisisReply(RiskSeverity.HIGH);
        assertThat(reply).contains("call or text 988 (988 Suicide & Crisis Lifeline, US)");
        assertThat(reply.indexOf("988")).isLessThan(reply.indexOf("911"));
        assertThat(reply.indexOf("911")).isLessThan(reply.indexOf("741741"));
    }

    @Test
    void elevatedOffersTheCrisisLineAndTextLineBeforeTheEmergencyNumber() {
        assertThat(resources.forSeverity(RiskSeverity.ELEVATED)).extracting(CrisisResource::contact)
                .containsExactly("988", "741741", "911");
        String reply = support.crisisReply(RiskSeverity.ELEVATED);
        assertThat(reply).contains("text HOME to 741741 (Crisis Text Line, US)");
        assertThat(reply.indexOf("988")).isLessThan(reply.indexOf("741741"));
        assertThat(reply.indexOf("741741")).isLessThan(reply.indexOf("911"));
        assertThat(reply).contains("automated message");
    }

    @Test
    void aSeverityWithoutAnOrderOrAnUnknownContactStopsTheServiceAtStartup() {
        assertThatThrownBy(() -> new CrisisResources(config(Map.of(
                "imminent", List.of("emergency"), "high", List.of("lifeline")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("order.elevated");
        assertThatThrownBy(() -> new CrisisResources(config(Map.of(
                "imminent", List.of("emergency"), "high", List.of("lifeline"), "elevated", List.of("samaritans")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("samaritans");
    }

    private static CrisisResourcesConfig config(Map<String, List<String>> order) {
        Map<String, CrisisResourcesConfig.Contact> contacts = Map.of(
                "emergency", contact("Emergency services", "911", "call", "US"),
                "lifeline", contact("988 Suicide & Crisis Lifeline", "988", "call or text", "US"),
                "text-line", contact("Crisis Text Line", "741741", "text HOME to", "US"));
        return new CrisisResourcesConfig() {
            @Override
            public Map<String, Contact> contacts() {
                return contacts;
            }

            @Override
            public Map<String, List<String>> order() {
                return order;
            }
        };
    }

    private static CrisisResourcesConfig.Contact contact(String name, String number, String how, String region) {
        return new CrisisResourcesConfig.Contact() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String contact() {
                return number;
            }

            @Override
            public String how() {
                return how;
            }

            @Override
            public String region() {
                return region;
            }
        };
    }
}
