package org.homeward.app.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.app.web.Answer;
import org.homeward.app.web.InProcessApi;
import org.homeward.app.web.SignedInPerson;
import org.homeward.app.web.journeys.CommandForms;
import org.homeward.app.web.journeys.CommandForms.Form;
import org.homeward.app.web.journeys.RecordPage;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.UriUtils;

/**
 * The organisation's service programs, retired ones too, and the forms to define, change and retire one. The
 * forms are the API's own (drawn from its document by {@link CommandForms}) and are sent to it as the signed-in
 * administrator, so its rules and its checks of every field apply, and its problems are shown beside the fields.
 */
@Controller
class ProgramsPage {

    /** The page's name of each program command, and the API path whose form it is. */
    private static final Map<String, String> PATHS = Map.of(
            "define", "/api/v1/programs",
            "change", "/api/v1/programs/{programId}/changes",
            "retire", "/api/v1/programs/{programId}/retirement");

    private final InProcessApi api;
    private final CommandForms forms;

    ProgramsPage(InProcessApi api, CommandForms forms) {
        this.api = api;
        this.forms = forms;
    }

    @GetMapping("/admin/programs")
    String programs(@ModelAttribute("person") SignedInPerson person, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        Answer answer = programs(person, request, response);
        if (!answer.succeeded()) {
            response.setStatus(answer.status());
            model.addAttribute("problem", api.problem(answer));
            return "admin/programs";
        }
        model.addAttribute("programs", api.json(answer));
        return "admin/programs";
    }

    @GetMapping("/admin/programs/define")
    String defineForm(@ModelAttribute("person") SignedInPerson person, HttpServletRequest request,
                      HttpServletResponse response, Model model) throws NoResourceFoundException {
        Map<String, Object> values = new HashMap<>();
        values.put("organisationId", person.organisationId());
        return fill(model, form("define", request, response), "define", null, null, values, null, null);
    }

    @PostMapping("/admin/programs/define")
    String define(HttpServletRequest request, HttpServletResponse response, Model model)
            throws NoResourceFoundException {
        return send(null, "define", request, response, model);
    }

    @GetMapping("/admin/programs/{programId}/{operation}")
    String programForm(@ModelAttribute("person") SignedInPerson person, @PathVariable UUID programId,
                       @PathVariable String operation, HttpServletRequest request, HttpServletResponse response,
                       Model model) throws NoResourceFoundException {
        Form form = programCommand(operation, request, response);
        Map<String, Object> program = find(person, programId, request, response);
        if (program == null) {
            throw new NoResourceFoundException(HttpMethod.GET, request.getRequestURI(), "no such program");
        }
        Map<String, Object> values = new HashMap<>();
        // a change starts from the program as it is
        if ("change".equals(operation)) {
            for (String name : List.of("name", "kind", "capacity")) {
                values.put(name, program.get(name) == null ? null : String.valueOf(program.get(name)));
            }
        }
        return fill(model, form, operation, programId, String.valueOf(program.get("name")), values, null, null);
    }

    @PostMapping("/admin/programs/{programId}/{operation}")
    String programCommand(@PathVariable UUID programId, @PathVariable String operation, HttpServletRequest request,
                          HttpServletResponse response, Model model) throws NoResourceFoundException {
        return send(programId, operation, request, response, model);
    }

    private String send(UUID programId, String operation, HttpServletRequest request, HttpServletResponse response,
                        Model model) throws NoResourceFoundException {
        Form form = programId == null ? form(operation, request, response)
                : programCommand(operation, request, response);
        Map<String, Object> values = RecordPage.values(form, request);
        String formKey = request.getParameter("formKey");
        String path = programId == null ? form.path() : form.pathWith(Map.of("programId", programId.toString()));
        Answer answer = api.post(request, response, path, RecordPage.body(form, values), null,
                                 formKey == null || formKey.isBlank() ? null : formKey);
        if (answer.succeeded()) {
            return "redirect:/admin/programs?done=" + operation;
        }
        response.setStatus(answer.status());
        return fill(model, form, operation, programId, request.getParameter("programName"), values,
                    api.problem(answer), formKey);
    }

    /** A change or a retirement: the commands on one program. */
    private Form programCommand(String operation, HttpServletRequest request, HttpServletResponse response)
            throws NoResourceFoundException {
        if (!"change".equals(operation) && !"retire".equals(operation)) {
            throw new NoResourceFoundException(HttpMethod.GET, request.getRequestURI(), "no such form");
        }
        return form(operation, request, response);
    }

    private Form form(String operation, HttpServletRequest request, HttpServletResponse response)
            throws NoResourceFoundException {
        String path = PATHS.get(operation);
        return forms.forms(request, response).values().stream().filter(form -> form.path().equals(path))
                    .findFirst().orElseThrow(() -> new NoResourceFoundException(HttpMethod.GET,
                                                                                request.getRequestURI(), "no form"));
    }

    /** The organisation's programs, retired ones too: an administrator manages their own organisation's only. */
    private Answer programs(SignedInPerson person, HttpServletRequest request, HttpServletResponse response) {
        return api.get(request, response, "/api/v1/programs",
                       "includeRetired=true&organisationId="
                                                         + UriUtils.encodeQueryParam(person.organisationId(), "UTF-8"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> find(SignedInPerson person, UUID programId, HttpServletRequest request,
                                     HttpServletResponse response) {
        Answer answer = programs(person, request, response);
        if (!answer.succeeded()) {
            return null;
        }
        return ((List<Map<String, Object>>) api.json(answer)).stream()
                .filter(program -> programId.toString().equals(program.get("programId")))
                .findFirst().orElse(null);
    }

    private static String fill(Model model, Form form, String operation, UUID programId, String programName,
                               Map<String, Object> values, Answer.Problem problem, String formKey) {
        model.addAttribute("form", form);
        model.addAttribute("operation", operation);
        model.addAttribute("programId", programId);
        model.addAttribute("programName", programName);
        model.addAttribute("values", values);
        model.addAttribute("problem", problem);
        Map<String, String> fieldProblems = problem == null ? Map.of() : problem.fields();
        model.addAttribute("fieldProblems", fieldProblems);
        model.addAttribute("otherProblems", fieldProblems.keySet().stream()
                .filter(name -> form.fields().stream().noneMatch(field -> field.name().equals(name))).toList());
        // a form shown again after a refusal keeps its key, so that sending the mended form twice records once
        model.addAttribute("formKey", formKey != null && !formKey.isBlank() ? formKey : UUID.randomUUID().toString());
        return "admin/program-form";
    }
}
