package org.careweave.chat.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Words of automated support. Every reply is labelled as automated and offers resources or exercises only:
 * never a diagnosis, never advice on medicines.
 */
@ApplicationScoped
public class AutomatedSupport {

    public static final String AUTHOR_NAME = "Careweave support (automated)";
    private static final String LABEL = "\n\n(This is an automated message from Careweave support, not medical advice.)";

    private final SelfHelpLibrary library;
    private final CrisisResources resources;

    @Inject
    public AutomatedSupport(SelfHelpLibrary library, CrisisResources resources) {
        this.library = library;
        this.resources = resources;
    }

    /** Crisis resources in the order configured for {@code severity}: the emergency number first when imminent. */
    public String crisisReply(RiskSeverity severity) {
        String reach = resources.describe(severity);
        String body = severity == RiskSeverity.IMMINENT
                ? "Your safety comes first. If you have hurt yourself or might act on these thoughts, get help now: "
                        + reach + "."
                : "You can reach someone now, any time, day or night: " + reach + ". If you are in immediate danger "
                        + "or might act on these thoughts, call your local emergency number now.";
        return "Thank you for telling us. It sounds like you are going through something really painful, and you "
                + "don't have to face it alone. " + body + " Your care team has been alerted and will reach out as "
                + "soon as they can." + LABEL;
    }

    /** The resources listed with a crisis reply of {@code severity}, the first to try first. */
    public List<CrisisResource> crisisResources(RiskSeverity severity) {
        return resources.forSeverity(severity);
    }

    /** Self-help for a SUPPORT conversation, or for a care-team conversation while nobody from the team is online. */
    public String selfHelpReply(String patientText, long turn, boolean careTeamAway) {
        String intro = careTeamAway
                ? "Nobody from your care team is online right now; they will read your message when they are back. "
                        + "In the meantime, this may help.\n\n"
                : "";
        return intro + library.answer(patientText, turn) + LABEL;
    }
}
