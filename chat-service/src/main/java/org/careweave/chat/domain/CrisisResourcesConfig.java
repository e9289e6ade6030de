package org.careweave.chat.domain;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * {@code careweave.chat.crisis-resources.*}: the services a crisis reply offers, and in which order for each
 * severity, so a deployment outside the US names its own numbers without a code change.
 */
@ConfigMapping(prefix = "careweave.chat.crisis-resources")
public interface CrisisResourcesConfig {

    /** By key: {@code name}, {@code contact} (what to dial or text), {@code how} ("call or text"), {@code region}. */
    Map<String, Contact> contacts();

    /** By severity in lower case ({@code imminent}, {@code high}, {@code elevated}): contact keys, first offered first. */
    Map<String, List<String>> order();

    interface Contact {
        String name();

        String contact();

        String how();

        String region();
    }
}
