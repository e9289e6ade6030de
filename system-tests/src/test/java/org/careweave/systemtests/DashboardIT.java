package org.careweave.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.restassured.response.Response;

/**
 * The provider dashboard in a real browser (headless Chromium) against the whole stack: theo and cora sign in on
 * Keycloak's own page; alice's crisis message reaches theo's open page as an alert within 5 s, without a reload,
 * and cora's coordination view too; theo acknowledges it; alice's chat messages reach theo's chat panel, also after
 * the live connections drop; no serious or critical axe-core violation; no Content-Security-Policy violation.
 * Screenshots go to system-tests/target/screenshots.
 */
@ExtendWith(Stack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    static final String ALICE = CareJourneyIT.ALICE;
    static final Duration LIVE = Duration.ofSeconds(5);
    static final Path SHOTS = Path.of("target/screenshots");
    // A kept stack holds the messages of earlier runs: this run's carry their own mark.
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    Playwright playwright;
    Browser browser;
    Page theo;
    Page cora;
    String planId;
    String conversationId;
    String flagId;
    final List<String> cspViolations = new ArrayList<>();

    @BeforeAll
    void stackAndBrowser() throws Exception {
        planId = alicesPlanWithCareTeam();
        conversationId = CareJourneyIT.as("alice").body(Map.of("kind", "CARE_TEAM"))
                .post("/api/chat/conversations").then().statusCode(anyOf(is(200), is(201))).extract().path("id");
        acknowledgeAlicesOpenFlags();
        Files.createDirectories(SHOTS);
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    @Order(1)
    void theoSignsInOnKeycloaksPageAndSeesAliceOnHisCaseload() {
        theo = signIn("theo");
        Locator alice = theo.getByTestId("caseload-entry").filter(new Locator.FilterOptions().setHasText("Alice"));
        alice.first().waitFor();
        assertThat(alice.first().textContent()).contains("PHQ-9").contains("Adherence, 30 days").contains("Next session");
        theo.getByText("Live").first().waitFor();
        theo.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("caseload.png")).setFullPage(true));
    }

    @Test
    @Order(2)
    void coraSignsInToTheCoordinationView() {
        cora = signIn("cora");
        cora.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Coordination")).waitFor();
        cora.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Patients without a care team")).waitFor();
        cora.getByText("Live").first().waitFor();
    }

    @Test
    @Order(3)
    void alicesCrisisMessageAlertsTheosOpenPageWithinFiveSecondsWithoutAReload() {
        theo.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alice Demo-Patient")).first().click();
        theo.getByTestId("chat-messages").waitFor();
        theo.waitForFunction("() => document.querySelector('#live-status').textContent === 'Live'");
        Object navigations = theo.evaluate("() => performance.getEntriesByType('navigation').length");

        long sent = System.nanoTime();
        sendAsAlice("I want to end my life tonight " + RUN);
        Locator alert = theo.getByRole(AriaRole.ALERT).getByTestId("urgent-alert");
        alert.first().waitFor(new Locator.WaitForOptions().setTimeout(LIVE.toMillis()));
        long millis = Duration.ofNanos(System.nanoTime() - sent).toMillis();
        System.out.printf("FIGURE crisis chat message -> urgent alert on theo's open dashboard: %d ms%n", millis);

        assertThat(alert.first().textContent()).contains("Alice").contains("risk detected in chat");
        flagId = alert.first().getAttribute("data-flag");
        assertThat(flagId).isNotBlank();
        // Same document: the alert came over the live feed, not from a reload.
        assertThat(theo.evaluate("() => performance.getEntriesByType('navigation').length")).isEqualTo(navigations);
        // The crisis message itself shows in the care-team chat.
        theo.getByTestId("chat-messages").getByText("I want to end my life tonight " + RUN).waitFor();
        theo.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("urgent-flag.png")).setFullPage(true));
    }

    @Test
    @Order(4)
    void coraSeesTheFlagInHerView() {
        Locator flag = cora.locator("[data-testid=coordinator-flag][data-flag='" + flagId + "']");
        flag.waitFor(new Locator.WaitForOptions().setTimeout(LIVE.toMillis()));
        assertThat(flag.textContent()).contains("Alice").contains("risk detected in chat");
        cora.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("coordination.png")).setFullPage(true));
    }

    @Test
    @Order(5)
    void theoAcknowledgesTheFlag() {
        theo.locator("[data-testid=urgent-alert][data-flag='" + flagId + "']")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        theo.locator("[data-flag='" + flagId + "']").first()
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        CareJourneyIT.as("theo").get("/api/providers/me/caseload").then().statusCode(200)
                .body("find { it.patientId == '" + ALICE + "' }.openUrgentFlags.id", not(hasItem(flagId)));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                Timeline.of("theo", Stack.GATEWAY, planId).stream()
                        .filter(entry -> "URGENT_FLAG_ACKNOWLEDGED".equals(entry.get("kind")))
                        .<Object> map(entry -> ((Map<?, ?>) entry.get("details")).get("flagId")).toList())
                .contains(flagId));
    }

    @Test
    @Order(6)
    void alicesChatMessageAndTimelineEntriesArriveAlsoAfterTheLiveConnectionsDrop() {
        sendAsAlice("Thank you, I am safe now and talking to my sister " + RUN);
        theo.getByTestId("chat-messages").getByText("talking to my sister " + RUN).waitFor(
                new Locator.WaitForOptions().setTimeout(LIVE.toMillis()));

        theo.evaluate("() => window.careweaveDashboard.dropConnections()");
        // Sent while the socket and the feed reconnect: the chat catches up, the feed resumes from Last-Event-ID.
        sendAsAlice("Message sent while the dashboard was reconnecting " + RUN);
        CareJourneyIT.as("alice").body(Map.of("patientId", ALICE, "instrument", "GAD7",
                "answers", List.of(1, 1, 1, 1, 0, 0, 0))).post("/api/therapy/assessments").then().statusCode(201);

        theo.getByTestId("chat-messages").getByText("while the dashboard was reconnecting " + RUN).waitFor();
        theo.getByTestId("timeline-entry").filter(new Locator.FilterOptions().setHasText("GAD-7 scored 4")).first()
                .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        theo.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("patient.png")).setFullPage(true));
    }

    @Test
    @Order(7)
    void noSeriousOrCriticalAccessibilityViolationAndNoCspViolation() {
        List<String> found = new ArrayList<>();
        found.addAll(seriousViolations("patient view", theo));
        theo.navigate(Stack.GATEWAY + "/dashboard/#/caseload");
        theo.getByTestId("caseload-entry").first().waitFor();
        found.addAll(seriousViolations("caseload", theo));
        found.addAll(seriousViolations("coordination", cora));
        assertThat(found).isEmpty();
        assertThat(cspViolations).isEmpty();

        theo.setViewportSize(390, 844);
        theo.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("caseload-narrow.png")).setFullPage(true));
        // Narrow screens lay the page out in one column: nothing wider than the viewport.
        assertThat((Integer) theo.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
    }

    @Test
    @Order(8)
    void signingOutEndsTheKeycloakSession() {
        theo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        theo.waitForURL(url -> !url.contains("/dashboard/#"));
        theo.navigate(Stack.GATEWAY + "/dashboard/");
        // No session left at Keycloak: its login form is shown again.
        theo.locator("#username").waitFor();
    }

    private Page signIn(String user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            // Only the dashboard's own pages count: Keycloak's login page has its own policy.
            if (message.text().contains("Content Security Policy") && page.url().startsWith(Stack.GATEWAY)) {
                cspViolations.add(user + ": " + message.text());
            }
        });
        page.navigate(Stack.GATEWAY + "/dashboard/");
        // Keycloak's own login page, on its own origin.
        page.waitForURL(url -> url.startsWith(Stack.KEYCLOAK + "/realms/" + Stack.REALM + "/"));
        page.locator("#username").fill(user);
        page.locator("#password").fill(Tokens.PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(Stack.GATEWAY + "/dashboard/") && !url.contains("code="));
        page.getByText("Signed in as").waitFor();
        return page;
    }

    private List<String> seriousViolations(String view, Page page) {
        List<String> found = new ArrayList<>();
        for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(view + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        return found;
    }

    private void sendAsAlice(String text) {
        CareJourneyIT.as("alice").header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("text", text))
                .post("/api/chat/conversations/{id}/messages", conversationId).then().statusCode(201);
    }

    /** Alice's plan, active, with theo and priya as her care team (created here when this test runs first). */
    private static String alicesPlanWithCareTeam() {
        Response intake = CareJourneyIT.as("alice").body(Map.of(
                "concerns", List.of("DEPRESSION"), "phq9Answers", List.of(2, 2, 2, 2, 2, 2, 2, 2, 0),
                "openToMedication", true, "prefersTalkTherapy", true,
                "sessionsPerMonthAvailable", 4, "monthlyBudget", 600)).post("/api/intakes");
        String id = intake.statusCode() == 201 ? intake.path("carePlanId")
                : CareJourneyIT.as("alice").get("/api/care-plans/mine").then().statusCode(200).extract().path("id");
        if (!"ACTIVE".equals(CareJourneyIT.as("cora").get("/api/care-plans/{id}", id).path("status"))) {
            CareJourneyIT.as("cora").post("/api/care-plans/{id}/activate", id).then().statusCode(200);
        }
        CareJourneyIT.as("cora").body(Map.of("therapistId", CareJourneyIT.THEO, "prescriberId", CareJourneyIT.PRIYA))
                .put("/api/care-plans/{id}/care-team", id).then().statusCode(200);
        // The chat service learns the care team from its event: until then theo is not in alice's conversation.
        await().atMost(CareJourneyIT.PROPAGATION).until(() -> CareJourneyIT.as("theo")
                .body(Map.of("kind", "CARE_TEAM", "patientId", ALICE)).post("/api/chat/conversations").statusCode(),
                status -> status == 200 || status == 201);
        await().atMost(CareJourneyIT.PROPAGATION).untilAsserted(() -> CareJourneyIT.as("theo")
                .get("/api/providers/me/caseload").then().statusCode(200)
                .body("find { it.patientId == '" + ALICE + "' }.carePlanId", equalTo(id)));
        return id;
    }

    /** A kept stack may hold flags of earlier runs: start from none, so the alert seen is this run's. */
    private void acknowledgeAlicesOpenFlags() {
        List<String> open = CareJourneyIT.as("theo").get("/api/providers/me/caseload").then().statusCode(200)
                .extract().path("find { it.patientId == '" + ALICE + "' }.openUrgentFlags.id");
        for (String id : open) {
            CareJourneyIT.as("theo").post("/api/care-plans/{plan}/flags/{flag}/acknowledge", planId, id);
        }
    }
}
