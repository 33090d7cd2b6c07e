package org.homeward.app.web.journeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.access.Ids;
import org.homeward.access.Role;
import org.homeward.app.web.Answer;
import org.homeward.app.web.InProcessApi;
import org.homeward.app.web.SignedInPerson;
import org.homeward.app.web.journeys.CommandForms.Field;
import org.homeward.app.web.journeys.CommandForms.Form;
import org.homeward.app.web.journeys.CommandForms.Kind;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The form of any command on a journey (and opening one), sent to the API as the signed-in person. The form
 * carries the journey version it was drawn from ({@code If-Match}: a stale form is refused and told to reload)
 * and a key drawn with it ({@code Idempotency-Key}: sent twice, it records once). The API's problems are shown
 * beside the fields they name, with what was typed kept.
 */
@Controller
public class RecordPage {

    private static final String OPEN = "open";
    /** A partner's steps on a referral made to them. */
    private static final String REFERRALS = "/api/v1/referrals/{referralId}/";

    private final InProcessApi api;
    private final CommandForms forms;

    RecordPage(InProcessApi api, CommandForms forms) {
        this.api = api;
        this.forms = forms;
    }

    @GetMapping("/journeys/new")
    String openForm(HttpServletRequest request, HttpServletResponse response, Model model)
            throws NoResourceFoundException {
        return show(null, OPEN, request, response, model);
    }

    @PostMapping("/journeys/new")
    String open(HttpServletRequest request, HttpServletResponse response, Model model)
            throws NoResourceFoundException {
        return send(null, OPEN, request, response, model);
    }

    /** A command on something else than a journey: a partner's step on a referral made to them. */
    @GetMapping("/record/{operationId}")
    String otherForm(@PathVariable String operationId, HttpServletRequest request, HttpServletResponse response,
                     Model model) throws NoResourceFoundException {
        return show(null, operationId, request, response, model);
    }

    @PostMapping("/record/{operationId}")
    String recordOther(@PathVariable String operationId, HttpServletRequest request, HttpServletResponse response,
                       Model model) throws NoResourceFoundException {
        return send(null, operationId, request, response, model);
    }

    @GetMapping("/journeys/{journeyId}/record/{operationId}")
    String form(@PathVariable UUID journeyId, @PathVariable String operationId, HttpServletRequest request,
                HttpServletResponse response, Model model) throws NoResourceFoundException {
        return show(journeyId, operationId, request, response, model);
    }

    @PostMapping("/journeys/{journeyId}/record/{operationId}")
    String record(@PathVariable UUID journeyId, @PathVariable String operationId, HttpServletRequest request,
                  HttpServletResponse response, Model model) throws NoResourceFoundException {
        return send(journeyId, operationId, request, response, model);
    }

    @SuppressWarnings("unchecked")
    private String show(UUID journeyId, String operationId, HttpServletRequest request, HttpServletResponse response,
                        Model model) throws NoResourceFoundException {
        Form form = journeyForm(journeyId, operationId, request, response);
        Map<String, String> ids = pathIds(form, journeyId, request);
        Long version = null;
        if (form.takesVersion() && journeyId != null) {
            // the version the person sees the journey at: what the form will be checked against
            Answer timeline = api.get(request, response, "/api/v1/journeys/" + journeyId + "/timeline", null);
            if (!timeline.succeeded()) {
                response.setStatus(timeline.status());
                return fill(model, form, journeyId, ids, null, Map.of(), api.problem(timeline), false, null);
            }
            version = ((Number) ((Map<String, Object>) api.json(timeline)).get("version")).longValue();
        }
        return fill(model, form, journeyId, ids, version, defaults(form, request), null, false, null);
    }

    private String send(UUID journeyId, String operationId, HttpServletRequest request, HttpServletResponse response,
                        Model model) throws NoResourceFoundException {
        Form form = journeyForm(journeyId, operationId, request, response);
        Map<String, String> ids = pathIds(form, journeyId, request);
        Map<String, Object> values = values(form, request);
        Long version = version(request.getParameter("version"));
        String formKey = request.getParameter("formKey");
        Answer answer = api.post(request, response, form.pathWith(ids), body(form, values), version,
                                 formKey == null || formKey.isBlank() ? null : formKey);
        if (answer.succeeded()) {
            if (form.path().startsWith(REFERRALS)) {
                return "redirect:/referrals?recorded=" + operationId;
            }
            UUID journey = journeyId != null ? journeyId : UUID.fromString(
                    answer.header("Location").replaceAll(".*/journeys/([0-9a-f-]{36}).*", "$1"));
            Long seen = answer.version();
            return "redirect:/journeys/" + journey + "?recorded=" + operationId + (seen == null ? "" : "&seen=" + seen);
        }
        response.setStatus(answer.status());
        Answer.Problem problem = api.problem(answer);
        return fill(model, form, journeyId, ids, version, values, problem,
                    answer.status() == HttpServletResponse.SC_PRECONDITION_FAILED, formKey);
    }

    private Form journeyForm(UUID journeyId, String operationId, HttpServletRequest request,
                             HttpServletResponse response) throws NoResourceFoundException {
        Form form = forms.form(operationId, request, response);
        boolean fits = form != null && (journeyId != null ? form.path().startsWith("/api/v1/journeys/{journeyId}/")
                : OPEN.equals(operationId) || form.path().startsWith(REFERRALS));
        if (!fits) {
            throw new NoResourceFoundException(HttpMethod.GET, request.getRequestURI(), "no such form");
        }
        return form;
    }

    /**
     * What the signed-in person would type anyway: their organisation and themselves on a journey they open, and
     * themselves as the assessor.
     */
    private static Map<String, Object> defaults(Form form, HttpServletRequest request) {
        SignedInPerson person = SignedInPerson.of(SecurityContextHolder.getContext().getAuthentication());
        Map<String, Object> values = new HashMap<>();
        if (OPEN.equals(form.operationId())) {
            values.put("organisationId", person.organisationId());
            if (person.role() == Role.CASE_MANAGER) {
                values.put("caseManagerId", person.userId());
            }
        }
        form.fields().stream().filter(field -> field.leaf().equals("assessorId"))
            .forEach(field -> values.put(field.name(), person.userId()));
        return values;
    }

    /** The ids in the command's path: the journey's, and those the page's address gives (a milestone's, …). */
    private static Map<String, String> pathIds(Form form, UUID journeyId, HttpServletRequest request)
            throws NoResourceFoundException {
        Map<String, String> ids = new LinkedHashMap<>();
        if (journeyId != null) {
            ids.put("journeyId", journeyId.toString());
        }
        for (String name : form.pathIds()) {
            String value = request.getParameter(name);
            if (value == null || !value.matches(Ids.ID)) {
                throw new NoResourceFoundException(HttpMethod.GET, request.getRequestURI(), "no " + name);
            }
            ids.put(name, value);
        }
        return ids;
    }

    private static Long version(String text) {
        return text != null && text.matches("\\d{1,18}") ? Long.parseLong(text) : null;
    }

    /** What was typed in each of the form's fields, as the page's request carries it. */
    public static Map<String, Object> values(Form form, HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        for (Field field : form.fields()) {
            values.put(field.name(), field.kind() == Kind.CHOICES
                    ? List.of(request.getParameterValues(field.name()) == null ? new String[0]
                                      : request.getParameterValues(field.name()))
                    : request.getParameter(field.name()));
        }
        return values;
    }

    /**
     * The request body: each field that was filled, at its place in the body. A number that is not one goes as
     * typed, so that the API names the field and says why.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(Form form, Map<String, Object> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            Object value = values.get(field.name());
            if (value == null || value instanceof String text && text.isBlank()
                || value instanceof List<?> list && list.isEmpty()) {
                continue;
            }
            if (field.kind() == Kind.NUMBER && value instanceof String text && text.strip().matches("-?\\d{1,9}")) {
                value = Integer.parseInt(text.strip());
            } else if (field.kind() == Kind.YES_NO && value instanceof String text) {
                value = Boolean.parseBoolean(text);
            }
            Map<String, Object> at = body;
            String[] parts = field.name().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                at = (Map<String, Object>) at.computeIfAbsent(parts[i], part -> new LinkedHashMap<String, Object>());
            }
            at.put(parts[parts.length - 1], value);
        }
        return body;
    }

    private static String fill(Model model, Form form, UUID journeyId, Map<String, String> ids, Long version,
                               Map<String, Object> values, Answer.Problem problem, boolean stale, String formKey) {
        model.addAttribute("form", form);
        model.addAttribute("journeyId", journeyId);
        model.addAttribute("ids", ids);
        model.addAttribute("version", version);
        model.addAttribute("values", values);
        model.addAttribute("problem", problem);
        model.addAttribute("stale", stale);
        model.addAttribute("fieldProblems", problem == null ? Map.of() : problem.fields());
        // a new key for a new form; a form shown again after a refusal (which recorded nothing) keeps its key, so
        // that sending the mended form twice still records once
        model.addAttribute("formKey", formKey != null && !formKey.isBlank() ? formKey : UUID.randomUUID().toString());
        List<String> unplaced = new ArrayList<>();
        if (problem != null) {
            problem.fields().keySet().stream()
                   .filter(name -> form.fields().stream().noneMatch(field -> field.name().equals(name)))
                   .forEach(unplaced::add);
        }
        model.addAttribute("otherProblems", unplaced);
        model.addAttribute("action", journeyId != null ? "/journeys/" + journeyId + "/record/" + form.operationId()
                : OPEN.equals(form.operationId()) ? "/journeys/new" : "/record/" + form.operationId());
        model.addAttribute("back", journeyId != null ? "/journeys/" + journeyId
                : OPEN.equals(form.operationId()) ? "/caseload" : "/referrals");
        return "journeys/record";
    }
}
