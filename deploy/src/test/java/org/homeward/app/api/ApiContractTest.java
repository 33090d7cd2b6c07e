package org.homeward.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published OpenAPI document describes the server: a tour of calls, every operation at least once and the
 * refusals of the README's status table, each request and answer checked against the document by a validator
 * nobody here wrote (Atlassian's swagger-request-validator), as a client generated from the document would
 * meet them. Deliberately bad requests are only checked for their answer.
 */
// a timeline behind minVersion is answered 503 after this wait; the default 5 s would only slow the tour
@TestPropertySource(properties = "homeward.timeline.catch-up-timeout=300ms")
class ApiContractTest extends HttpTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final JsonMapper pretty = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** The document as committed: the client-check module generates its client from this file. */
    private static final Path COMMITTED = Path.of("api", "openapi.json");

    private String served;
    private JsonNode document;
    private OpenApiInteractionValidator validator;
    private final List<String> mismatches = new ArrayList<>();
    private final Set<String> called = new TreeSet<>();
    private int calls;
    private int callsMismatched;

    @BeforeEach
    void readTheDocument() throws Exception {
        Reply docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).as("the document is readable without a token").isEqualTo(200);
        served = docs.body();
        document = docs.json();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(docs.body()).build();
    }

    @Test
    void everyOperationAndRefusalOfTheTourIsAnsweredAsDocumented() {
        String admin = token(Role.ADMINISTRATOR, "admin-test");
        String supervisor = token(Role.SUPERVISOR, "sv-test");
        String caseManager = token(Role.CASE_MANAGER, "cm-test");
        String auditor = token(Role.AUDITOR, "au-test");
        String evaluator = token(Role.EVALUATOR, "ev-test");

        // programs
        Reply defined = call(admin, "POST", "/api/v1/programs", Map.of(), Map.of(
                "organisationId", SyntheticJourneys.ORGANISATION, "name", "Bakery apprenticeship",
                "kind", "VOCATIONAL_TRAINING", "capacity", 12));
        String program = defined.text("programId");
        call(admin, "POST", "/api/v1/programs/" + program + "/changes", Map.of(),
             Map.of("name", "Bakery apprenticeship", "kind", "VOCATIONAL_TRAINING", "capacity", 14));
        String retired = call(admin, "POST", "/api/v1/programs", Map.of(), Map.of(
                "organisationId", SyntheticJourneys.ORGANISATION, "name", "Old course", "kind",
                "VOCATIONAL_TRAINING")).text("programId");
        call(admin, "POST", "/api/v1/programs/" + retired + "/retirement", Map.of(), Map.of("reason", "ended"));

        // a journey from intake to erasure
        Map<String, Object> intake = new LinkedHashMap<>(intake());
        intake.put("person", Map.of("fullName", "Synthetic Person", "phone", "+373 555 0100",
                                    "dateOfBirth", "2004-05-01"));
        String key = UUID.randomUUID().toString();
        Map<String, String> provenance = Map.of("Idempotency-Key", key, "X-Request-Id", "req-1", "X-Channel", "web");
        String journey = call(supervisor, "POST", "/api/v1/journeys", provenance, intake).text("journeyId");
        String path = "/api/v1/journeys/" + journey;
        call(supervisor, "POST", "/api/v1/journeys", provenance, intake); // a retry, answered as the first
        call(caseManager, "POST", path + "/milestones", Map.of(), Map.of(
                "type", "TRAINING_ENROLLED", "occurredOn", "2026-02-01", "programId", program));
        Reply employed = call(caseManager, "POST", path + "/milestones", Map.of("If-Match", "\"1\""), Map.of(
                "type", "EMPLOYMENT_STARTED", "occurredOn", "2026-06-01",
                "outcome", Map.of("employmentSector", "HOSPITALITY_AND_FOOD", "regularIncome", true)));
        String shelter = call(caseManager, "POST", path + "/milestones", Map.of(),
                              milestone("SHELTER_ENTERED", INTAKE, "a note")).text("milestoneId");
        call(caseManager, "POST", path + "/milestones/" + shelter + "/corrections", Map.of(), Map.of(
                "type", "SHELTER_ENTERED", "occurredOn", "2026-01-13", "reason", "date mistyped"));
        call(caseManager, "POST", path + "/milestones/" + employed.text("milestoneId") + "/retraction", Map.of(),
             Map.of("reason", "wrong journey"));
        call(caseManager, "POST", path + "/consents", Map.of(), Map.of(
                "purpose", "SHARING_WITH_PARTNER", "partnerOrganisationId", "org-legal-clinic",
                "decidedOn", "2026-01-20", "sharedDetails", List.of("FULL_NAME", "PHONE")));
        // referrals: made, answered by the partner's staff, read in the partner's list; one revoked
        String partner = TestUsers.token(Role.CASE_MANAGER, "cm-clinic", "org-legal-clinic");
        String referral = call(caseManager, "POST", path + "/referrals", Map.of(), Map.of(
                "partnerOrganisationId", "org-legal-clinic", "service", "LEGAL_AID", "madeOn", "2026-01-21",
                "dueOn", "2026-02-04", "note", "residence permit")).text("referralId");
        call(partner, "POST", "/api/v1/referrals/" + referral + "/acceptance", Map.of(),
             Map.of("acceptedOn", "2026-01-23"));
        call(partner, "POST", "/api/v1/referrals/" + referral + "/start", Map.of(), Map.of("startedOn", "2026-01-26"));
        call(partner, "POST", "/api/v1/referrals/" + referral + "/completion", Map.of(),
             Map.of("completedOn", "2026-02-03", "outcome", "SERVICE_PROVIDED"));
        for (String step : List.of("decline", "unmet-closure")) {
            String another = call(caseManager, "POST", path + "/referrals", Map.of(), Map.of(
                    "partnerOrganisationId", "org-legal-clinic", "service", "MEDICAL_CARE", "madeOn", "2026-01-21",
                    "dueOn", "2026-02-04")).text("referralId");
            if (step.equals("unmet-closure")) {
                call(partner, "POST", "/api/v1/referrals/" + another + "/acceptance", Map.of(),
                     Map.of("acceptedOn", "2026-01-23"));
                call(partner, "POST", "/api/v1/referrals/" + another + "/unmet-closure", Map.of(),
                     Map.of("closedOn", "2026-02-03", "reason", "PERSON_DID_NOT_ATTEND"));
            } else {
                call(partner, "POST", "/api/v1/referrals/" + another + "/decline", Map.of(),
                     Map.of("declinedOn", "2026-01-23", "reason", "NO_CAPACITY"));
            }
        }
        String revoked = call(caseManager, "POST", path + "/referrals", Map.of(), Map.of(
                "partnerOrganisationId", "org-legal-clinic", "service", "EDUCATION", "madeOn", "2026-01-21",
                "dueOn", "2026-02-04")).text("referralId");
        call(caseManager, "POST", path + "/referrals/" + revoked + "/revocation", Map.of(),
             Map.of("revokedOn", "2026-01-22"));
        call(caseManager, "POST", path + "/referrals-received", Map.of(), Map.of(
                "receivedOn", "2026-01-21", "source", "PHONE_CALL", "fromOrganisationId", "org-hotline"));
        awaitCaughtUp("timeline");
        call(partner, "GET", "/api/v1/referrals?page=0&size=20", Map.of(), null);
        call(partner, "GET", "/api/v1/referrals/" + referral, Map.of(), null);
        call(caseManager, "POST", path + "/consent-withdrawals", Map.of(),
             Map.of("purpose", "PROGRAM_EVALUATION", "decidedOn", "2026-03-01"));
        String visit = call(caseManager, "POST", path + "/follow-ups", Map.of(),
                            Map.of("dueOn", "2026-07-01", "purpose", "HOME_VISIT")).text("followUpId");
        call(caseManager, "POST", path + "/follow-ups/" + visit + "/completion", Map.of(),
             Map.of("completedOn", "2026-07-02", "note", "went well"));
        String call = call(caseManager, "POST", path + "/follow-ups", Map.of(),
                           Map.of("dueOn", "2026-07-15", "purpose", "PHONE_CHECK_IN")).text("followUpId");
        call(caseManager, "POST", path + "/follow-ups/" + call + "/missed", Map.of(), Map.of("reason", "no answer"));
        String flag = call(caseManager, "POST", path + "/risk-flags", Map.of(), Map.of(
                "kind", "TRAFFICKER_CONTACT", "flaggedOn", "2026-07-03", "reviewOn", "2026-07-10",
                "detail", "a stranger asked for her")).text("flagId");
        call(caseManager, "POST", path + "/risk-flags/" + flag + "/resolution", Map.of(),
             Map.of("resolvedOn", "2026-07-09", "reason", "moved to a safe house"));
        call(caseManager, "POST", path + "/assessments", Map.of(), Map.of(
                "assessedOn", "2026-07-02", "assessorId", "cm-test",
                "scores", Map.of("economic", 3, "social", 4, "psychosocial", 2)));
        call(supervisor, "POST", path + "/assignment", Map.of(), Map.of("caseManagerId", "cm-020",
                                                                           "reason", "leave"));
        call(supervisor, "POST", path + "/closure", Map.of(), Map.of("reason", "REINTEGRATED",
                                                                        "closedOn", "2026-09-30"));
        Reply reopened = call(supervisor, "POST", path + "/reopening", Map.of(),
                              Map.of("reopenedOn", "2026-10-02", "reason", "new risk"));

        // reading
        call(supervisor, "GET", path + "/timeline?minVersion=" + reopened.json().path("version").asLong()
                                + "&purpose=SUPERVISION&purposeNote=monthly%20review", Map.of(), null);
        call(auditor, "GET", path + "/timeline?asOf=2026-03-01T00:00:00Z", Map.of(), null);
        call(supervisor, "GET", path + "/history", Map.of(), null);
        call(supervisor, "GET", "/api/v1/caseloads/cm-020?page=0&size=20", Map.of(), null);
        call(supervisor, "GET", "/api/v1/programs?organisationId=org-test&includeRetired=true", Map.of(), null);
        call(caseManager, "GET", "/api/v1/milestone-types", Map.of(), null);

        // erasure and transfer, on journeys of their own
        String erased = openJourney(intake());
        call(supervisor, "POST", "/api/v1/journeys/" + erased + "/erasure", Map.of(),
             Map.of("requestedOn", "2026-11-02"));
        call(supervisor, "GET", "/api/v1/journeys/" + erased + "/timeline", Map.of(), null);
        String moved = openJourney(intake());
        call(supervisor, "POST", "/api/v1/journeys/" + moved + "/transfer", Map.of(), Map.of(
                "organisationId", "org-south", "caseManagerId", "cm-101", "reason", "moved"));

        // possible duplicates: the same person at a second intake, linked by a supervisor; another pair dismissed
        Map<String, Object> again = new LinkedHashMap<>(intake);
        again.put("person", Map.of("fullName", "PERSON, Synthetic", "dateOfBirth", "2004-05-01"));
        call(caseManager, "POST", "/api/v1/journeys", Map.of(), again);
        call(supervisor, "POST", "/api/v1/journeys", Map.of(), again);
        Reply duplicates = call(supervisor, "GET", "/api/v1/possible-duplicates", Map.of(), null);
        String[] pairs = duplicates.json().path("inOrganisation").valueStream()
                                   .map(pair -> pair.path("possibleDuplicateId").asString()).toArray(String[]::new);
        call(supervisor, "POST", "/api/v1/possible-duplicates/" + pairs[0] + "/confirmation", Map.of(), null);
        call(supervisor, "POST", "/api/v1/possible-duplicates/" + pairs[1] + "/dismissal", Map.of(), null);

        // auditing
        call(auditor, "GET", "/api/v1/audit/events?journeyId=" + journey + "&order=oldest", Map.of(), null);
        call(auditor, "GET", "/api/v1/audit/reads?journeyId=" + journey, Map.of(), null);
        call(auditor, "GET", "/api/v1/audit/denials", Map.of(), null);
        call(auditor, "GET", "/api/v1/audit/denials/anonymous", Map.of(), null);
        call(auditor, "POST", "/api/v1/audit/verify", Map.of(), null);

        // evaluating
        call(evaluator, "GET", "/api/v1/outcomes?program=" + program + "&from=2026-01-01&to=2026-03-31"
                               + "&groupBy=gender", Map.of(), null);
        call(evaluator, "GET", "/api/v1/outcomes?cohort=year", Map.of("Accept", "text/csv"), null);
        call(evaluator, "GET", "/api/v1/outcomes/chart?cohort=quarter", Map.of(), null);
        call(evaluator, "GET", "/api/v1/outcomes/definitions", Map.of(), null);
        call(evaluator, "GET", "/api/v1/outcomes/export?from=2026-01-01&to=2026-12-31", Map.of(), null);
        call(evaluator, "GET", "/api/v1/outcomes/export?program=" + program, Map.of("Accept", "text/csv"), null);
        call(evaluator, "GET", "/api/v1/outcomes/referrals?from=2026-01-01&to=2026-12-31", Map.of(), null);

        // administration
        call(admin, "GET", "/api/v1/admin/projections", Map.of(), null);
        call(admin, "POST", "/api/v1/admin/projections/timeline/rebuild", Map.of(), null);
        awaitCaughtUp("timeline");

        // the refusals of the status table: only their answers are checked
        String open = openJourney(intake());
        String openPath = "/api/v1/journeys/" + open;
        refused(400, caseManager, "POST", openPath + "/milestones", Map.of(), "{\"type\": \"NO_SUCH_TYPE\"}");
        refused(400, caseManager, "POST", openPath + "/milestones", Map.of("Idempotency-Key", " "),
                body(milestone("SHELTER_ENTERED", INTAKE, null)));
        refused(400, evaluator, "GET", "/api/v1/outcomes?cohort=decade", Map.of(), null);
        refused(400, evaluator, "GET", "/api/v1/outcomes/referrals?from=2026-13-01&partner=x", Map.of(), null);
        refused(401, null, "GET", openPath + "/timeline", Map.of(), null);
        refused(403, caseManager, "POST", "/api/v1/programs", Map.of(), body(Map.of(
                "organisationId", "org-test", "name", "n", "kind", "VOCATIONAL_TRAINING")));
        refused(404, caseManager, "POST", "/api/v1/journeys/" + UUID.randomUUID() + "/milestones", Map.of(),
                body(milestone("SHELTER_ENTERED", INTAKE, null)));
        refused(404, supervisor, "GET", "/api/v1/journeys/" + UUID.randomUUID() + "/timeline", Map.of(), null);
        refused(406, caseManager, "POST", openPath + "/milestones", Map.of("Accept", "application/xml"),
                body(milestone("SHELTER_ENTERED", INTAKE, null)));
        refused(412, caseManager, "POST", openPath + "/milestones", Map.of("If-Match", "\"9\""),
                body(milestone("SHELTER_ENTERED", INTAKE, null)));
        refused(415, caseManager, "POST", openPath + "/milestones", Map.of("Content-Type", "text/plain"),
                body(milestone("SHELTER_ENTERED", INTAKE, null)));
        String reused = UUID.randomUUID().toString();
        call(caseManager, "POST", openPath + "/milestones", Map.of("Idempotency-Key", reused),
             milestone("SHELTER_ENTERED", INTAKE, null));
        refused(422, caseManager, "POST", openPath + "/milestones", Map.of("Idempotency-Key", reused),
                body(milestone("SHELTER_EXITED", INTAKE, null)));
        refused(503, supervisor, "GET", openPath + "/timeline?minVersion=1000", Map.of(), null);
        call(supervisor, "POST", openPath + "/closure", Map.of(), Map.of("reason", "OTHER",
                                                                         "closedOn", INTAKE.toString()));
        refused(409, caseManager, "POST", openPath + "/milestones", Map.of(),
                body(milestone("SHELTER_ENTERED", INTAKE, null)));
        refused(409, admin, "POST", "/api/v1/programs/" + retired + "/retirement", Map.of(),
                body(Map.of("reason", "again")));

        assertThat(mismatches).as("answers the document does not describe, in %d of %d calls", callsMismatched, calls)
                              .isEmpty();
        assertThat(called).as("every operation of the document is on the tour").isEqualTo(operations());
    }

    /**
     * The committed copy is what the server serves, so the generated client cannot drift from the server. When it
     * differs it is rewritten and the test fails: review the change with {@code git diff} and commit it.
     */
    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        boolean same = Files.exists(COMMITTED) && json.readTree(Files.readString(COMMITTED)).equals(document);
        if (!same) {
            Files.writeString(COMMITTED, pretty.writeValueAsString(document) + "\n");
        }
        assertThat(same).as("%s is the served document; it was rewritten, commit it", COMMITTED.toAbsolutePath())
                        .isTrue();
    }

    /**
     * Every example of the document (request bodies, answers, schemas and their properties) is valid against its
     * own schema, checked by the validator that checks real traffic, so an example cannot drift from what the
     * server takes and answers; and every request body has one.
     */
    @Test
    void everyExampleIsValidAgainstItsSchema() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(served, null, options).getOpenAPI();
        SchemaValidator schemas = new SchemaValidator(api, new MessageResolver());
        List<String> faults = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String name = method + " " + path;
            if (op.getRequestBody() != null) {
                op.getRequestBody().getContent().forEach((type, media) -> {
                    if (media.getExample() == null && media.getExamples() == null) {
                        faults.add(name + " has no request example");
                    }
                    examples(media).forEach(example -> faults.addAll(validate(
                            schemas, example, media.getSchema(), name + " request", checked)));
                });
            }
            op.getResponses().forEach((status, response) -> {
                if (response.getContent() != null) {
                    response.getContent().forEach((type, media) -> examples(media).forEach(example -> faults.addAll(
                            validate(schemas, example, media.getSchema(), name + " " + status, checked))));
                }
            });
        }));
        api.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getExample() != null) {
                faults.addAll(validate(schemas, schema.getExample(), schema, name, checked));
            }
            Map<String, Schema> properties = ((Schema<?>) schema).getProperties();
            if (properties != null) {
                properties.forEach((property, value) -> {
                    if (value.getExample() != null) {
                        faults.addAll(validate(schemas, value.getExample(), value, name + "." + property, checked));
                    }
                });
            }
        });
        assertThat(faults).isEmpty();
        assertThat(checked).contains("GET /api/v1/journeys/{journeyId}/timeline 200",
                                     "POST /api/v1/journeys request", "Problem.type");
    }

    private static List<Object> examples(MediaType media) {
        List<Object> examples = new ArrayList<>();
        if (media.getExample() != null) {
            examples.add(media.getExample());
        }
        if (media.getExamples() != null) {
            media.getExamples().values().forEach(example -> examples.add(example.getValue()));
        }
        return examples;
    }

    private static List<String> validate(SchemaValidator schemas, Object example, Schema<?> schema, String where,
                                         Set<String> checked) {
        checked.add(where);
        try {
            // the validator quotes a value itself where the schema is a string
            String value = example instanceof String text ? text : Json.mapper().writeValueAsString(example);
            ValidationReport report = schemas.validate(value, schema, "example");
            return report.getMessages().stream()
                         .map(message -> where + ": " + message.getKey() + " " + message.getMessage()).toList();
        } catch (Exception e) {
            return List.of(where + ": " + e);
        }
    }

    @Test
    void everyOperationHasASummaryAnExactContentTypeAndOnlyItsRealParameters() {
        List<String> faults = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode op = operation.getValue();
            if (op.path("summary").asString("").isBlank()) {
                faults.add(name + " has no summary");
            }
            op.path("parameters").forEach(parameter -> {
                if (Set.of("submission", "parameters").contains(parameter.path("name").asString())) {
                    faults.add(name + " documents the server's own argument " + parameter.path("name"));
                }
            });
            op.path("responses").properties().forEach(response -> {
                if (response.getValue().path("content").has("*/*")) {
                    faults.add(name + " answers " + response.getKey() + " as */*");
                }
            });
        }));
        assertThat(faults).isEmpty();
    }

    /** Calls and checks request and answer against the document. */
    private Reply call(String token, String method, String path, Map<String, String> headers, Object body) {
        Reply reply = send(token, method, path, headers, body == null ? null : body(body));
        check(token, method, path, headers, body == null ? null : body(body), reply, true);
        return reply;
    }

    /** Sends a request the server must refuse with {@code status}; checks only the answer against the document. */
    private void refused(int status, String token, String method, String path, Map<String, String> headers,
                         String body) {
        Reply reply = send(token, method, path, headers, body);
        if (reply.status() != status) {
            mismatches.add(method + " " + path + ": expected " + status + ", answered " + reply.status());
        }
        check(token, method, path, headers, body, reply, false);
    }

    private Reply send(String token, String method, String path, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        return new Api(port(), token).exchange(method, path, all, body);
    }

    private void check(String token, String method, String path, Map<String, String> headers, String body,
                       Reply reply, boolean wholeExchange) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String operation = operation(method, bare);
        if (operation == null) {
            mismatches.add(method + " " + bare + " is no operation of the document");
            return;
        }
        called.add(operation);
        calls++;
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, bare);
        if (token != null) {
            request.withHeader("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.withContentType("application/json").withBody(body);
        }
        headers.forEach(request::withHeader);
        if (path.contains("?")) {
            for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.withQueryParam(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            }
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        reply.headers().map().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = wholeExchange
                ? validator.validate(request.build(), response.build())
                : validator.validateResponse(bare, Request.Method.valueOf(method), response.build());
        if (!report.getMessages().isEmpty()) {
            callsMismatched++;
        }
        report.getMessages().forEach(message -> mismatches.add(
                method + " " + path + " → " + reply.status() + ": " + message.getKey() + " "
                + message.getMessage().replace('\n', ' ')));
    }

    /** The document's operation ("GET /api/v1/journeys/{journeyId}/timeline") this concrete path calls. */
    private String operation(String method, String path) {
        for (String template : operations()) {
            String[] parts = template.split(" ", 2);
            String pattern = Pattern.quote(parts[1]).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (parts[0].equals(method) && path.matches(pattern)) {
                return template;
            }
        }
        return null;
    }

    private Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().propertyNames().stream()
                .filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    private static String token(Role role, String userId) {
        return TestUsers.token(role, userId, SyntheticJourneys.ORGANISATION);
    }

    private static String body(Object body) {
        return json.writeValueAsString(body);
    }
}
