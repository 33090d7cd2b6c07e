package org.homeward.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application, read from Spring's handler mappings, against every role: a new endpoint
 * without a rule here fails the build. Then, for journeys, in scope against out of scope.
 */
class AccessMatrixTest extends HttpTest {

    private static final Set<Role> ANY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> RECORDERS = EnumSet.of(Role.CASE_MANAGER, Role.SUPERVISOR);

    /** The API's description: it holds no data, and catalogues and client generators read it without a token. */
    private static final Set<String> PUBLIC = Set.of("GET /v3/api-docs", "GET /v3/api-docs.yaml",
                                                     "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html");

    /** Who may call each endpoint; everyone else is refused with 403. */
    private static final Map<String, Set<Role>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("POST /api/v1/journeys", RECORDERS);
        for (String path : List.of("milestones", "milestones/{milestoneId}/corrections",
                                   "milestones/{milestoneId}/retraction", "closure", "reopening", "consents",
                                   "consent-withdrawals", "assignment", "transfer", "follow-ups",
                                   "follow-ups/{followUpId}/completion", "follow-ups/{followUpId}/missed",
                                   "assessments", "risk-flags", "risk-flags/{flagId}/resolution", "referrals",
                                   "referrals/{referralId}/revocation", "referrals-received")) {
            RULES.put("POST /api/v1/journeys/{journeyId}/" + path, RECORDERS);
        }
        RULES.put("POST /api/v1/journeys/{journeyId}/erasure", EnumSet.of(Role.SUPERVISOR));
        RULES.put("GET /api/v1/possible-duplicates", EnumSet.of(Role.SUPERVISOR));
        RULES.put("POST /api/v1/possible-duplicates/{possibleDuplicateId}/confirmation", EnumSet.of(Role.SUPERVISOR));
        RULES.put("POST /api/v1/possible-duplicates/{possibleDuplicateId}/dismissal", EnumSet.of(Role.SUPERVISOR));
        RULES.put("GET /api/v1/journeys/{journeyId}/timeline", EnumSet.of(Role.CASE_MANAGER, Role.SUPERVISOR,
                                                                          Role.AUDITOR));
        RULES.put("GET /api/v1/journeys/{journeyId}/history", EnumSet.of(Role.CASE_MANAGER, Role.SUPERVISOR,
                                                                         Role.AUDITOR));
        RULES.put("GET /api/v1/caseloads/{caseManagerId}", RECORDERS);
        RULES.put("GET /api/v1/referrals", RECORDERS);
        RULES.put("GET /api/v1/referrals/{referralId}", RECORDERS);
        for (String step : List.of("acceptance", "decline", "start", "completion", "unmet-closure")) {
            RULES.put("POST /api/v1/referrals/{referralId}/" + step, RECORDERS);
        }
        RULES.put("POST /api/v1/programs", EnumSet.of(Role.ADMINISTRATOR));
        RULES.put("POST /api/v1/programs/{programId}/changes", EnumSet.of(Role.ADMINISTRATOR));
        RULES.put("POST /api/v1/programs/{programId}/retirement", EnumSet.of(Role.ADMINISTRATOR));
        RULES.put("GET /api/v1/programs", ANY_ROLE); // evaluators too: they filter outcomes by program
        RULES.put("GET /api/v1/milestone-types", EnumSet.complementOf(EnumSet.of(Role.EVALUATOR)));
        RULES.put("GET /api/v1/audit/events", EnumSet.of(Role.AUDITOR));
        RULES.put("GET /api/v1/audit/reads", EnumSet.of(Role.AUDITOR));
        RULES.put("GET /api/v1/audit/denials", EnumSet.of(Role.AUDITOR));
        RULES.put("GET /api/v1/audit/denials/anonymous", EnumSet.of(Role.AUDITOR));
        RULES.put("POST /api/v1/audit/verify", EnumSet.of(Role.AUDITOR, Role.ADMINISTRATOR));
        RULES.put("GET /api/v1/admin/projections", EnumSet.of(Role.ADMINISTRATOR));
        RULES.put("POST /api/v1/admin/projections/{name}/rebuild", EnumSet.of(Role.ADMINISTRATOR));
        RULES.put("GET /api/v1/outcomes", EnumSet.of(Role.EVALUATOR));
        RULES.put("GET /api/v1/outcomes/chart", EnumSet.of(Role.EVALUATOR));
        RULES.put("GET /api/v1/outcomes/definitions", EnumSet.of(Role.EVALUATOR));
        RULES.put("GET /api/v1/outcomes/export", EnumSet.of(Role.EVALUATOR));
        RULES.put("GET /api/v1/outcomes/referrals", EnumSet.of(Role.EVALUATOR));
        for (String description : PUBLIC) {
            RULES.put(description, ANY_ROLE);
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointHasARuleAndEveryRoleGetsWhatTheRuleSays() {
        String journey = openJourney(intake());
        List<String> endpoints = endpoints();
        assertThat(RULES.keySet()).as("every endpoint of the application has a rule here")
                                  .containsAll(endpoints);

        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1), journey);
            Reply anonymous = call(anonymous(), method, path);
            boolean refused = anonymous.status() == 401 || anonymous.status() == 403;
            if (PUBLIC.contains(endpoint) ? refused : anonymous.status() != 401) {
                wrong.add(endpoint + " without a token answered " + anonymous.status());
            }
            for (Role role : Role.values()) {
                int status = call(as(role, role == Role.CASE_MANAGER ? "cm-test" : "staff-" + role, "org-test"),
                                  method, path).status();
                boolean allowed = RULES.get(endpoint).contains(role);
                if (allowed == (status == 403 || status == 401)) {
                    wrong.add(endpoint + " as " + role + " answered " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void journeysOutsideTheCallersScopeAreAnsweredAsUnknown() {
        String journey = openJourney(intake());
        String path = "/api/v1/journeys/" + journey;
        Api ownCaseManager = as(Role.CASE_MANAGER, "cm-test", "org-test");
        Api colleague = as(Role.CASE_MANAGER, "cm-colleague", "org-test");
        Api otherSupervisor = as(Role.SUPERVISOR, "sv-other", "org-other");
        Api ownSupervisor = api;

        for (Api outOfScope : List.of(colleague, otherSupervisor)) {
            assertThat(outOfScope.get(path + "/timeline").status()).isEqualTo(404);
            assertThat(outOfScope.get(path + "/history").status()).isEqualTo(404);
            assertThat(outOfScope.post(path + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null)).status())
                    .isEqualTo(404);
            assertThat(outOfScope.post(path + "/closure", Map.of("reason", "OTHER", "closedOn", INTAKE.toString()))
                                 .status()).isEqualTo(404);
        }
        for (Api inScope : List.of(ownCaseManager, ownSupervisor)) {
            Reply recorded = inScope.post(path + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null));
            assertThat(recorded.status()).isEqualTo(201);
            assertThat(inScope.get(path + "/timeline?minVersion=" + recorded.json().path("version").asLong())
                              .status()).isEqualTo(200);
        }
        assertThat(colleague.get("/api/v1/caseloads/cm-test").status()).isEqualTo(403);
        assertThat(otherSupervisor.get("/api/v1/caseloads/cm-test").json().path("total").asLong()).isZero();
        assertThat(colleague.post("/api/v1/journeys", intake()).status()).as("opening for someone else")
                                                                          .isEqualTo(403);
        assertThat(otherSupervisor.post("/api/v1/journeys", intake()).status()).as("opening in another organisation")
                                                                               .isEqualTo(403);
        assertThat(as(Role.AUDITOR, "auditor", "org-audit").get("/api/v1/audit/denials?actorId=cm-colleague")
                                                         .json().path("total").asLong())
                .as("refusals are audited").isGreaterThanOrEqualTo(5);
    }

    @Test
    void transferMovesTheJourneyOutOfReachAtOnce() {
        String journey = openJourney(intake());
        Api formerCaseManager = as(Role.CASE_MANAGER, "cm-test", "org-test");
        api.post("/api/v1/journeys/" + journey + "/transfer",
                 Map.of("organisationId", "org-next", "caseManagerId", "cm-next", "reason", "moved"));

        Reply refused = formerCaseManager.post("/api/v1/journeys/" + journey + "/milestones",
                                               milestone("SHELTER_ENTERED", INTAKE, null));
        Reply accepted = as(Role.CASE_MANAGER, "cm-next", "org-next")
                .post("/api/v1/journeys/" + journey + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(accepted.status()).isEqualTo(201);
    }

    /** The API's endpoints: the web app's pages sign people in with a session, and WebAppTest holds their rules. */
    private List<String> endpoints() {
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("org.homeward.app.web")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    endpoints.add(method + " " + pattern);
                }
            }
        });
        return endpoints;
    }

    private static String concrete(String pattern, String journey) {
        return pattern.replace("{journeyId}", journey)
                      .replace("{milestoneId}", UUID.randomUUID().toString())
                      .replace("{followUpId}", UUID.randomUUID().toString())
                      .replace("{flagId}", UUID.randomUUID().toString())
                      .replace("{referralId}", UUID.randomUUID().toString())
                      .replace("{possibleDuplicateId}", UUID.randomUUID().toString())
                      .replace("{programId}", UUID.randomUUID().toString())
                      .replace("{caseManagerId}", "cm-test")
                      .replace("{name}", "timeline");
    }

    private static Reply call(Api api, String method, String path) {
        return method.equals("GET") ? api.get(path) : api.postRaw(path, "{}");
    }
}
