package org.careweave.chat.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Words of automated support. Every reply is labelled as automated and offers resources or exercises only:
 * never a diagnosis, never advice on medicines.
 */
@ApplicationScoped
public class AutomatedSupport {

    public static final String AUTHOR_NAME = "Careweave support (automated)";
    private static final String LABEL = "\n\n(This is an automated message from Careweave support, not medical advice.)";

    private final SelfHelpLibrary library;
    private final String emergencyNumber;
    private final String emergencyRegion;

    @Inject
    public AutomatedSupport(SelfHelpLibrary library,
            @ConfigProperty(name = "careweave.chat.crisis.emergency-number") String emergencyNumber,
            @ConfigProperty(name = "careweave.chat.crisis.emergency-region") String emergencyRegion) {
        this.library = library;
        this.emergencyNumber = emergencyNumber;
        this.emergencyRegion = emergencyRegion;
    }

    /** Crisis resources; when the danger may be imminent, the emergency number comes before the lifeline. */
    public String crisisReply(RiskSeverity severity) {
        String emergency = "call your local emergency number now (" + emergencyNumber + " in " + emergencyRegion + ")";
        String lifeline = "call or text 988 to reach the 988 Suicide & Crisis Lifeline, any time, day or night";
        String body = severity == RiskSeverity.IMMINENT
                ? "Your safety comes first. If you have hurt yourself or might act on these thoughts, " + emergency
                        + ". If you are in the US you can also " + lifeline + "."
                : "If you are in the US, " + lifeline + ". If you are in immediate danger or might act on these "
                        + "thoughts, " + emergency + ".";
        return "Thank you for telling us. It sounds like you are going through something really painful, and you "
                + "don't have to face it alone. " + body + " Your care team has been alerted and will reach out as "
                + "soon as they can." + LABEL;
    }

    public List<CrisisResource> crisisResources() {
        return List.of(
                new CrisisResource("988 Suicide & Crisis Lifeline", "988", "call or text", "US"),
                new CrisisResource("Emergency services", emergencyNumber, "call", emergencyRegion));
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
