package org.careweave.careplan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.careweave.platform.events.chat.RiskFlagRaised;
import org.careweave.platform.events.prescription.DoseChanged;
import org.careweave.platform.events.prescription.PrescriptionIssued;
import org.careweave.platform.events.therapy.AssessmentScored;
import org.careweave.platform.events.therapy.SessionCompleted;
import org.careweave.platform.events.therapy.SessionScheduled;
import org.careweave.platform.testing.TestEventProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * {@code GET /api/patients/{id}/fhir}: a FHIR R4 Bundle the HAPI FHIR validator (offline, no terminology server)
 * finds no error in, holding every resource kind, for the patient and their care team only, audited once.
 */
@QuarkusTest
class FhirExportTest {

    private static FhirValidator validator;

    @OidcWireMock
    WireMockServer keycloak;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    private TestEventProducer events;

    @BeforeAll
    static void validator() {
        FhirContext context = FhirContext.forR4();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context), new UnknownCodeSystemWarningValidationSupport(context));
        validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    @BeforeEach
    void setUp() {
        RealmStub.install(keycloak);
        events = new TestEventProducer(bootstrap, mapper);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void theRecordIsAValidR4BundleOfEveryResourceKindWithoutFreeText() {
        String therapist = Tokens.newId();
        RealmStub.user(keycloak, therapist, "therapist");
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);
        CarePlanResourceTest.assignTeam(planId, therapist, Tokens.PRIYA).statusCode(200);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String session = Tokens.newId();
        String prescription = Tokens.newId();
        events.publish("therapy-service", new SessionScheduled(patient, session, therapist, start.plusSeconds(60), 50,
                "CBT", "VIDEO", null));
        events.publish("therapy-service", new SessionCompleted(patient, session, therapist, start.plusSeconds(3600),
                420, true));
        events.publish("therapy-service", new AssessmentScored(patient, Tokens.newId(), "PHQ9", 12, "MODERATE", true,
                session, start.plusSeconds(3700)));
        events.publish("therapy-service", new AssessmentScored(patient, Tokens.newId(), "GAD7", 6, "MILD", false,
                session, start.plusSeconds(3710)));
        events.publish("prescription-service", new PrescriptionIssued(patient, prescription, Tokens.PRIYA,
                "Sertraline", "SSRI", new BigDecimal("50"), "mg", "ONCE_DAILY", LocalDate.now()));
        events.publish("prescription-service", new DoseChanged(patient, prescription, Tokens.PRIYA,
                new BigDecimal("50"), "mg", new BigDecimal("12.5"), "mg"));
        events.publish("chat-service", new RiskFlagRaised(patient, Tokens.newId(), "HIGH", "ACTIVE_THOUGHTS", Instant.now()));

        String bundle = await().atMost(Duration.ofSeconds(30))
                .until(() -> export(Tokens.patient(patient), patient).statusCode(200)
                        .contentType("application/fhir+json").extract().asString(),
                        b -> b.contains("\"Flag\"") && b.contains("12.5") && b.contains("fulfilled")
                                && b.split("\"resourceType\":\"Observation\"").length == 3);

        ValidationResult result = validator.validateWithResult(bundle);
        List<String> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(FhirExportTest::describe).toList();
        Map<ResultSeverityEnum, Long> counts = result.getMessages().stream()
                .collect(Collectors.groupingBy(SingleValidationMessage::getSeverity, Collectors.counting()));
        System.out.println("FIGURE HAPI FHIR 8.8.1 validation of the export: " + counts);
        result.getMessages().stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .forEach(m -> System.out.println("  warning " + describe(m)));
        assertThat(errors).isEmpty();

        JsonPath json = JsonPath.from(bundle);
        assertThat(json.getString("resourceType")).isEqualTo("Bundle");
        assertThat(json.getString("type")).isEqualTo("collection");
        assertThat(json.getList("entry.resource.resourceType", String.class)).contains("Patient", "CarePlan",
                "CareTeam", "Goal", "Appointment", "Observation", "MedicationRequest", "Flag");
        Map<String, Object> patientResource = json.getMap("entry.find { it.resource.resourceType == 'Patient' }.resource");
        assertThat(patientResource).containsOnlyKeys("resourceType", "id", "identifier");
        assertThat(json.getList("entry.findAll { it.resource.resourceType == 'Observation' }.resource.code.coding.code.flatten()",
                String.class)).containsExactlyInAnyOrder("44261-6", "70274-6");
        assertThat(json.getList("entry.findAll { it.resource.resourceType == 'Observation' }.resource.interpretation.text.flatten()",
                String.class)).containsExactlyInAnyOrder("Severity: moderate", "Severity: mild");
        assertThat(json.getString("entry.find { it.resource.resourceType == 'MedicationRequest' }"
                + ".resource.dosageInstruction[0].doseAndRate[0].doseQuantity.value")).isEqualTo("12.5");
        assertThat(json.getString("entry.find { it.resource.resourceType == 'Appointment' }.resource.status"))
                .isEqualTo("fulfilled");
        assertThat(json.getString("entry.find { it.resource.resourceType == 'Flag' }.resource.status"))
                .isEqualTo("active");
        // What the rationale and the intake say in words is not clinical data an EHR needs: none of it travels.
        assertThat(bundle).doesNotContain("rationale", "summary", "note");
    }

    @Test
    void onlyThePatientAndTheirCareTeamGetItOthersGet404AndEachExportIsAuditedOnce() {
        String therapist = Tokens.newId();
        RealmStub.user(keycloak, therapist, "therapist");
        String patient = Tokens.newId();
        String planId = Intakes.planFor(patient);
        CarePlanResourceTest.assignTeam(planId, therapist, null).statusCode(200);

        export(Tokens.patient(patient), patient).statusCode(200);
        export(Tokens.therapist(therapist), patient).statusCode(200);
        export(Tokens.patient(Tokens.newId()), patient).statusCode(404).contentType("application/problem+json");
        export(Tokens.therapist(Tokens.newId()), patient).statusCode(404).contentType("application/problem+json");
        export(Tokens.psychiatrist(Tokens.PRIYA), patient).statusCode(404);
        export(Tokens.admin(), patient).statusCode(403).contentType("application/problem+json");

        JsonPath audit = given().auth().oauth2(Tokens.admin()).queryParam("patientId", patient)
                .queryParam("action", "export").get("/api/audit-entries").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("outcome", String.class)).containsExactlyInAnyOrder("SUCCESS", "SUCCESS", "DENIED",
                "DENIED", "DENIED");
        assertThat(audit.getList("subject", String.class)).contains(patient, therapist);
    }

    private static ValidatableResponse export(String token, String patient) {
        return given().auth().oauth2(token).get("/api/patients/{id}/fhir", patient).then();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }
}
