package org.homeward.app.api;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.homeward.access.Ids;
import org.homeward.command.Submission;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document ({@code /v3/api-docs}) says besides what springdoc reads from the endpoints: the
 * headers every recording request reads, the headers of successful answers, and the refusals of
 * docs/refusals.md as one problem schema. Written once here, not on each of the endpoints, so that an endpoint
 * added later is documented alike.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final Set<String> NOT_NULL = Set.of("NotNull", "NotBlank", "NotEmpty");
    private static final String VISIBLE_ASCII = "^[\\x21-\\x7E]{1,200}$";

    private final Set<String> nullableReferences = ConcurrentHashMap.newKeySet();

    static {
        // the Submission argument is read from headers and the token, documented below; never a query parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Submission.class);
        // every enum a named schema: inline enums become one class per property in a generated client, which
        // clash (the native Java client did not compile) and cannot be shared between requests and answers
        ModelResolver.enumsAsRef = true;
    }

    @Bean
    OpenAPI homewardApi() {
        return new OpenAPI()
                .info(new Info().title("Homeward API").version("v1").description("""
                        Records the reintegration journeys of survivors of human trafficking as immutable events, \
                        and answers timelines, caseloads, outcomes and audits. Every refusal is an RFC 9457 \
                        problem (`application/problem+json`) naming each bad field. Versioning and how breaking \
                        changes are announced: the README's API section."""))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("A JWT from the identity provider, or in local mode from "
                                             + "`java -jar homeward.jar token`; its claims name the caller's "
                                             + "role and organisation"))
                        .addSchemas("Problem", problemSchema())
                        .addSchemas("FieldProblem", fieldProblemSchema()))
                // relative: the document is right behind whatever proxy and host serve it
                .servers(List.of(new Server().url("/").description("This server")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The headers a recording request reads, wherever an endpoint takes a {@link Submission}. */
    @Bean
    OperationCustomizer submissionHeaders() {
        return (operation, handler) -> {
            boolean records = List.of(handler.getMethodParameters()).stream()
                                  .anyMatch(parameter -> parameter.getParameterType() == Submission.class);
            if (!records) {
                return operation;
            }
            operation.addParametersItem(header("Idempotency-Key", new StringSchema().pattern(VISIBLE_ASCII),
                    "Makes a retry safe: the same key and body answer what the first request answered and "
                    + "record nothing; the same key with another body is refused 422. 1 to 200 visible ASCII "
                    + "characters, a UUID is best. Ids the request creates are derived from it."));
            // a command on an existing journey carries the version it was made from; opening has none, and an
            // erasure is done whatever the journey holds
            if (handler.getBeanType().getPackageName().startsWith("org.homeward.command.journey")
                && !Set.of("open", "erase").contains(handler.getMethod().getName())) {
                operation.addParametersItem(header("If-Match", new StringSchema().pattern("^(W/)?\"\\d{1,18}\"$"),
                        "The journey version (ETag) the client last saw, such as \"7\": refused 412 and nothing "
                        + "recorded if the journey has moved on."));
            }
            operation.addParametersItem(requestId());
            operation.addParametersItem(header("X-Channel", new StringSchema().pattern("^" + Ids.TOKEN + "$"),
                    "Where the request comes from (web, mobile, api), kept with every event it causes; api "
                    + "when absent."));
            return operation;
        };
    }

    /**
     * A property of a reference type may be answered (and sent) as null: Jackson writes every record component,
     * so the document says so, unless a constraint on a request field rules null out.
     */
    @Bean
    PropertyCustomizer nullWhereJavaAllowsIt() {
        return (property, type) -> {
            boolean primitive = type.getType() instanceof Class<?> plain ? plain.isPrimitive()
                                : type.getType() instanceof JavaType java && java.isPrimitive();
            boolean notNull = type.getCtxAnnotations() != null
                              && Arrays.stream(type.getCtxAnnotations()).anyMatch(annotation ->
                                      NOT_NULL.contains(annotation.annotationType().getSimpleName()));
            if (primitive || notNull) {
                return property;
            }
            if (property.get$ref() != null) {
                // OpenAPI 3.0 ignores whatever stands beside a $ref: the schema referred to says it (below)
                nullableReferences.add(property.get$ref());
                return property;
            }
            if (property.getType() == null) {
                // a schema of no type allows null already
                return property;
            }
            nullable(property);
            return property;
        };
    }

    /**
     * Component schemas some property may answer as null are nullable; request bodies are closed
     * ({@code additionalProperties: false}), as the server refuses unknown fields.
     */
    @Bean
    OpenApiCustomizer nullableAndClosedSchemas() {
        return api -> {
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            nullableReferences.forEach(ref -> nullable(schemas.get(name(ref))));
            Set<String> requests = new TreeSet<>();
            api.getPaths().values().forEach(item -> item.readOperations().stream()
                    .filter(op -> op.getRequestBody() != null && op.getRequestBody().getContent() != null)
                    .flatMap(op -> op.getRequestBody().getContent().values().stream())
                    .forEach(media -> collect(media.getSchema(), schemas, requests)));
            // enums of a request are named schemas too, but only objects have properties to close
            requests.stream().map(schemas::get).filter(schema -> schema.getProperties() != null)
                    .forEach(schema -> schema.setAdditionalProperties(false));
        };
    }

    /**
     * Examples from the README's API tour, by operationId: the body of each recording request, and the timeline's
     * answer (the tour's journey a few steps in). Synthetic data only. Per operation rather than per schema, as two
     * operations share one (consents and their withdrawals); ApiContractTest checks each against its schema.
     */
    private static final Map<String, String> REQUEST_EXAMPLES = Map.ofEntries(
            Map.entry("define", """
                    {"organisationId": "org-north", "name": "Bakery apprenticeship", "kind": "VOCATIONAL_TRAINING",
                     "capacity": 12}"""),
            Map.entry("change", """
                    {"name": "Bakery apprenticeship", "kind": "VOCATIONAL_TRAINING", "capacity": 14}"""),
            Map.entry("retire", """
                    {"reason": "the course ended"}"""),
            Map.entry("open", """
                    {"organisationId": "org-north", "caseManagerId": "cm-017", "intakeDate": "2026-01-12",
                     "profile": {"ageBand": "FROM_18_TO_24", "gender": "FEMALE", "nationality": "MD",
                                 "formOfExploitation": "SEXUAL"},
                     "person": {"fullName": "Synthetic Person", "phone": "+373 555 0100", "dateOfBirth": "2004-05-01"},
                     "consentGiven": ["CASE_MANAGEMENT", "PROGRAM_EVALUATION"]}"""),
            Map.entry("recordMilestone", """
                    {"type": "EMPLOYMENT_STARTED", "occurredOn": "2026-06-01",
                     "outcome": {"employmentSector": "HOSPITALITY_AND_FOOD", "regularIncome": true}}"""),
            Map.entry("correctMilestone", """
                    {"type": "SHELTER_ENTERED", "occurredOn": "2026-01-13", "reason": "date mistyped"}"""),
            Map.entry("retractMilestone", """
                    {"reason": "wrong journey"}"""),
            Map.entry("giveConsent", """
                    {"purpose": "SHARING_WITH_PARTNER", "partnerOrganisationId": "org-legal-clinic",
                     "decidedOn": "2026-01-20", "sharedDetails": ["FULL_NAME", "PHONE"]}"""),
            Map.entry("withdrawConsent", """
                    {"purpose": "PROGRAM_EVALUATION", "decidedOn": "2026-03-01"}"""),
            Map.entry("assign", """
                    {"caseManagerId": "cm-020", "reason": "leave"}"""),
            Map.entry("transfer", """
                    {"organisationId": "org-south", "caseManagerId": "cm-101", "reason": "moved"}"""),
            Map.entry("scheduleFollowUp", """
                    {"dueOn": "2026-07-01", "purpose": "HOME_VISIT"}"""),
            Map.entry("completeFollowUp", """
                    {"completedOn": "2026-07-02"}"""),
            Map.entry("markFollowUpMissed", """
                    {"reason": "not at home"}"""),
            Map.entry("flagRisk", """
                    {"kind": "TRAFFICKER_CONTACT", "flaggedOn": "2026-07-03", "reviewOn": "2026-07-10",
                     "detail": "a stranger asked for her at the shelter"}"""),
            Map.entry("resolveRiskFlag", """
                    {"resolvedOn": "2026-07-09", "reason": "moved to a safe house"}"""),
            Map.entry("refer", """
                    {"partnerOrganisationId": "org-legal-clinic", "service": "LEGAL_AID", "madeOn": "2026-01-21",
                     "dueOn": "2026-02-04", "note": "needs advice on a residence permit before the hearing"}"""),
            Map.entry("receiveReferral", """
                    {"receivedOn": "2026-01-21", "source": "PHONE_CALL", "fromOrganisationId": "org-hotline"}"""),
            Map.entry("revokeReferral", """
                    {"revokedOn": "2026-01-22"}"""),
            Map.entry("accept", """
                    {"acceptedOn": "2026-01-23"}"""),
            Map.entry("decline", """
                    {"declinedOn": "2026-01-23", "reason": "NO_CAPACITY"}"""),
            Map.entry("start", """
                    {"startedOn": "2026-01-26"}"""),
            Map.entry("complete", """
                    {"completedOn": "2026-02-03", "outcome": "SERVICE_PROVIDED"}"""),
            Map.entry("closeUnmet", """
                    {"closedOn": "2026-02-03", "reason": "PERSON_DID_NOT_ATTEND"}"""),
            Map.entry("assess", """
                    {"assessedOn": "2026-07-02", "assessorId": "cm-101",
                     "scores": {"economic": 3, "social": 4, "psychosocial": 2}}"""),
            Map.entry("close", """
                    {"reason": "REINTEGRATED", "closedOn": "2026-09-30"}"""),
            Map.entry("reopen", """
                    {"reopenedOn": "2026-10-02", "reason": "new risk"}"""),
            Map.entry("erase", """
                    {"requestedOn": "2026-11-02"}"""),
            Map.entry("verify", """
                    {"position": 1200,
                     "hash": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}"""));

    private static final String TIMELINE_EXAMPLE = """
            {"journeyId": "0b7e4f2a-5c1d-4e8a-9f3b-2d6c8a1e7f40", "organisationId": "org-north",
             "caseManagerId": "cm-017", "intakeDate": "2026-01-12",
             "profile": {"ageBand": "FROM_18_TO_24", "gender": "FEMALE", "nationality": "MD",
                         "formOfExploitation": "SEXUAL"},
             "person": {"fullName": "Synthetic Person", "phone": "+373 555 0100", "email": null,
                        "dateOfBirth": "2004-05-01"},
             "personalDataErased": false, "status": "OPEN", "closedOn": null, "closureReason": null, "version": 4,
             "milestones": [
               {"milestoneId": "5a0c3e9d-2b7f-4c61-8e4a-1f9d6b3c7e25", "type": "TRAINING_ENROLLED",
                "area": "VOCATIONAL_TRAINING", "occurredOn": "2026-02-01", "note": null,
                "programId": "7d2e9b14-6a3f-4c8e-b15d-0e4f7a9c2b63", "outcome": null, "retracted": false,
                "retractionReason": null,
                "revisions": [{"version": 1, "type": "TRAINING_ENROLLED", "occurredOn": "2026-02-01", "note": null,
                               "programId": "7d2e9b14-6a3f-4c8e-b15d-0e4f7a9c2b63", "outcome": null,
                               "correctionReason": null}]},
               {"milestoneId": "c4f1a8e2-9d3b-4a7c-8e6f-3b2d1c0a9e58", "type": "EMPLOYMENT_STARTED",
                "area": "EMPLOYMENT_AND_INCOME", "occurredOn": "2026-06-01", "note": null, "programId": null,
                "outcome": {"employmentSector": "HOSPITALITY_AND_FOOD", "regularIncome": true, "dropOutReason": null},
                "retracted": false, "retractionReason": null,
                "revisions": [{"version": 2, "type": "EMPLOYMENT_STARTED", "occurredOn": "2026-06-01", "note": null,
                               "programId": null,
                               "outcome": {"employmentSector": "HOSPITALITY_AND_FOOD", "regularIncome": true,
                                           "dropOutReason": null},
                               "correctionReason": null}]}],
             "consents": [
               {"purpose": "CASE_MANAGEMENT", "partnerOrganisationId": null, "inForce": true,
                "givenOn": "2026-01-12", "withdrawnOn": null, "recordedBy": "sv-001", "sharedDetails": []},
               {"purpose": "PROGRAM_EVALUATION", "partnerOrganisationId": null, "inForce": true,
                "givenOn": "2026-01-12", "withdrawnOn": null, "recordedBy": "sv-001", "sharedDetails": []},
               {"purpose": "SHARING_WITH_PARTNER", "partnerOrganisationId": "org-legal-clinic", "inForce": true,
                "givenOn": "2026-01-20", "withdrawnOn": null, "recordedBy": "cm-017",
                "sharedDetails": ["FULL_NAME", "PHONE"]}],
             "followUps": [
               {"followUpId": "e8b3c2d1-4f5a-4b6c-9d7e-8f0a1b2c3d4e", "dueOn": "2026-07-01", "purpose": "HOME_VISIT",
                "status": "SCHEDULED", "overdue": false, "completedOn": null, "note": null, "missedReason": null}],
             "assessments": [],
             "caseHistory": [
               {"version": 0, "kind": "INTAKE", "organisationId": "org-north", "caseManagerId": "cm-017",
                "reason": null}],
             "statusChanges": [],
             "riskFlags": [
               {"flagId": "3c9e1f7a-8b2d-4e6f-a1c3-5d7b9e0f2a46", "kind": "TRAFFICKER_CONTACT",
                "flaggedOn": "2026-07-03", "reviewOn": "2026-07-10",
                "detail": "a stranger asked for her at the shelter",
                "open": true, "overdue": false, "resolvedOn": null, "resolutionReason": null}],
             "referrals": [
               {"referralId": "6f1d2c3b-7a8e-4f90-b1c2-d3e4f5a6b7c8", "partnerOrganisationId": "org-legal-clinic",
                "service": "LEGAL_AID", "madeOn": "2026-01-21", "dueOn": "2026-02-04",
                "note": "needs advice on a residence permit before the hearing", "overrideReason": null,
                "overrideNote": null, "state": "ACCEPTED", "acceptedOn": "2026-01-23", "startedOn": null,
                "endedOn": null, "endedBecause": null}],
             "referralsReceived": [],
             "linkedJourneys": [
               {"journeyId": "2d5c1b7e-8f0a-4c3e-9b6d-1a2b3c4d5e6f", "confirmedBy": "sv-001", "version": 5}]}""";

    /** The examples above, on the request bodies and the timeline's answer. */
    @Bean
    OpenApiCustomizer tourExamples() {
        return api -> api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            String body = REQUEST_EXAMPLES.get(op.getOperationId());
            if (body != null && op.getRequestBody() != null) {
                op.getRequestBody().getContent().values().forEach(media -> media.setExample(parse(body)));
            }
            if ("timeline".equals(op.getOperationId())) {
                op.getResponses().get("200").getContent().values()
                  .forEach(media -> media.setExample(parse(TIMELINE_EXAMPLE)));
            }
        }));
    }

    private static Object parse(String example) {
        try {
            return Json.mapper().readTree(example);
        } catch (IOException e) {
            throw new IllegalStateException("an example of the API document is no JSON: " + example, e);
        }
    }

    /** A validator takes an enum's values literally: null is allowed only where it is one of them. */
    private static void nullable(Schema<?> schema) {
        schema.setNullable(true);
        if (schema.getEnum() != null && !schema.getEnum().contains(null)) {
            schema.getEnum().add(null);
        }
    }

    /** The component schemas this schema refers to, itself included, transitively. */
    private static void collect(Schema<?> schema, Map<String, Schema> schemas, Set<String> found) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            if (found.add(name(schema.get$ref()))) {
                collect(schemas.get(name(schema.get$ref())), schemas, found);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collect(property, schemas, found));
        }
        collect(schema.getItems(), schemas, found);
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    static Parameter requestId() {
        return header("X-Request-Id", new StringSchema().pattern("^" + Ids.TOKEN + "$"),
                      "The client's id of this request, kept with every event it causes and every read it makes.");
    }

    /**
     * Success headers, and the refusals each operation can meet (docs/refusals.md): only where they can happen
     * when that follows from the operation itself, else on every operation.
     */
    @Bean
    OpenApiCustomizer answersAndRefusals() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            successHeaders(op);
            Set<String> headers = new HashSet<>();
            if (op.getParameters() != null) {
                op.getParameters().stream().filter(p -> "header".equals(p.getIn()))
                  .forEach(p -> headers.add(p.getName()));
            }
            Map<String, String> refusals = new TreeMap<>();
            refusals.put("400", "A field, parameter or header is missing, malformed or of an unknown value; "
                                + "`errors` names each one and why");
            refusals.put("401", "No valid bearer token");
            refusals.put("403", "The caller's role may not do this, or not in another organisation");
            if (path.contains("{")) {
                refusals.put("404", "No such journey, milestone, follow-up, program or projection, or one "
                                    + "outside the caller's scope");
            }
            refusals.put("406", "The Accept header names no type this operation answers in");
            if (method == PathItem.HttpMethod.POST) {
                refusals.put("409", "The request breaks a rule of the journey or program (`rule-broken`), "
                                    + "another writer kept winning the race (`concurrent-change`), or someone else "
                                    + "holds what it needs (`busy`, with Retry-After)");
            }
            if (headers.contains("If-Match")) {
                refusals.put("412", "If-Match names a version the journey has moved past; nothing was recorded");
            }
            if (op.getRequestBody() != null) {
                refusals.put("415", "The body is not application/json");
            }
            if (headers.contains("Idempotency-Key")) {
                refusals.put("422", "The Idempotency-Key was used for a different request");
            }
            refusals.put("429", "Too many requests of this client in progress; retry after Retry-After");
            refusals.put("503", "The database is out of reach (`unavailable`, `outcome-unknown`: retry with the "
                                + "same Idempotency-Key), or the timeline has not reached minVersion in time "
                                + "(`timeline-behind`); retry after Retry-After");
            ApiResponses responses = op.getResponses();
            refusals.forEach((status, description) -> {
                if (!responses.containsKey(status)) {
                    responses.addApiResponse(status, problem(description, Set.of("409", "429", "503")
                                                                               .contains(status)));
                }
            });
        }));
    }

    /** ETag on every answer that carries a journey's version, Location on everything created. */
    private static void successHeaders(Operation op) {
        op.getResponses().forEach((status, response) -> {
            if (!status.startsWith("2") || response.getContent() == null) {
                return;
            }
            boolean versioned = response.getContent().values().stream()
                    .anyMatch(media -> media.getSchema() != null
                                       && ("#/components/schemas/Recorded".equals(media.getSchema().get$ref())
                                           || "#/components/schemas/Timeline".equals(media.getSchema().get$ref())));
            if (versioned) {
                response.addHeaderObject("ETag", new Header().required(true).schema(new StringSchema())
                        .description("The journey's version after this request, such as \"7\": send it as "
                                     + "If-Match, or as minVersion (without quotes) to read your write"));
            }
            if (status.equals("201")) {
                response.addHeaderObject("Location", new Header().required(true).schema(new StringSchema())
                        .description("Where what was created can be read"));
            }
        });
    }

    private static ApiResponse problem(String description, boolean retryAfter) {
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(
                PROBLEM, new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
        if (retryAfter) {
            response.addHeaderObject("Retry-After", new Header().schema(new IntegerSchema())
                    .description("Seconds to wait before sending the request again"));
        }
        return response;
    }

    private static Parameter header(String name, Schema<?> schema, String description) {
        return new HeaderParameter().name(name).required(false).schema(schema).description(description);
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").example("urn:homeward:problem:invalid-request")
                .description("What kind of refusal: urn:homeward:problem: and a name (docs/refusals.md)"));
        properties.put("title", new StringSchema().description("The status's reason phrase"));
        properties.put("status", new IntegerSchema().description("The HTTP status"));
        properties.put("detail", new StringSchema().description("What went wrong, in words"));
        properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                .description("Each bad field and why, for invalid requests"));
        return new ObjectSchema().properties(properties).required(List.of("type", "title", "status"))
                .description("An RFC 9457 problem");
    }

    private static Schema<?> fieldProblemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", new StringSchema().example("profile.nationality").description(
                "A body path, a parameter or a header, or body / query / request when the part cannot be named"));
        properties.put("reason", new StringSchema().example("must be an ISO 3166-1 alpha-2 code"));
        return new ObjectSchema().properties(properties).required(List.of("field", "reason"));
    }
}
