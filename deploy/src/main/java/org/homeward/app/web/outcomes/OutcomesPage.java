package org.homeward.app.web.outcomes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.homeward.app.web.Answer;
import org.homeward.app.web.InProcessApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Outcome figures for evaluators: a filter form, the figures of each intake cohort as a table with withheld cells
 * said in words, the same as a chart and as a CSV file, the referral figures, and what every figure means. All of
 * it is the API's answer; the page only lays it out.
 */
@Controller
class OutcomesPage {

    /** The outcome endpoints' parameters, in the form's order. */
    static final List<String> PARAMETERS = List.of("program", "organisation", "cohort", "from", "to", "groupBy");
    /** The referral figures take these of them. */
    private static final List<String> REFERRAL_PARAMETERS = List.of("organisation", "from", "to");

    /** The enum whose labels name the groups of each breakdown (messages/enums.properties). */
    private static final Map<String, String> GROUP_ENUMS = Map.of("ageBand", "AgeBand", "gender", "Gender",
                                                                  "formOfExploitation", "FormOfExploitation");

    private final InProcessApi api;

    OutcomesPage(InProcessApi api) {
        this.api = api;
    }

    @GetMapping("/outcomes")
    @SuppressWarnings("unchecked")
    String outcomes(@RequestParam Map<String, String> parameters, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        Map<String, String> asked = asked(parameters, PARAMETERS);
        model.addAttribute("asked", asked);
        model.addAttribute("query", query(asked));
        Answer programs = api.get(request, response, "/api/v1/programs", "includeRetired=true");
        model.addAttribute("programs", programs.succeeded() ? api.json(programs) : List.of());

        Answer answer = api.get(request, response, "/api/v1/outcomes", query(asked));
        if (!answer.succeeded()) {
            model.addAttribute("problem", api.problem(answer));
            return "outcomes/outcomes";
        }
        Map<String, Object> outcomes = (Map<String, Object>) api.json(answer);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("cohorts", OutcomeTables.of(outcomes));
        model.addAttribute("groupEnum", GROUP_ENUMS.get(asked.getOrDefault("groupBy", "")));

        Answer referrals = api.get(request, response, "/api/v1/outcomes/referrals",
                                   query(asked(parameters, REFERRAL_PARAMETERS)));
        if (referrals.succeeded()) {
            model.addAttribute("referrals", OutcomeTables.referrals((Map<String, Object>) api.json(referrals)));
        }
        return "outcomes/outcomes";
    }

    @GetMapping("/outcomes/definitions")
    String definitions(HttpServletRequest request, HttpServletResponse response, Model model) {
        Answer answer = api.get(request, response, "/api/v1/outcomes/definitions", "");
        if (answer.succeeded()) {
            model.addAttribute("definitions", api.json(answer));
        } else {
            model.addAttribute("problem", api.problem(answer));
        }
        return "outcomes/definitions";
    }

    /** The API's chart as it drew it, for an {@code <img>} of the page: an image runs no script. */
    @GetMapping("/outcomes/chart.svg")
    ResponseEntity<byte[]> chart(@RequestParam Map<String, String> parameters, HttpServletRequest request,
                                 HttpServletResponse response) {
        Answer answer = api.get(request, response, "/api/v1/outcomes/chart", query(asked(parameters, PARAMETERS)),
                                "image/svg+xml");
        return passOn(answer, "image/svg+xml", null);
    }

    /** The API's CSV of the same figures, as a file to save. */
    @GetMapping("/outcomes/outcomes.csv")
    ResponseEntity<byte[]> csv(@RequestParam Map<String, String> parameters, HttpServletRequest request,
                               HttpServletResponse response) {
        Answer answer = api.get(request, response, "/api/v1/outcomes", query(asked(parameters, PARAMETERS)),
                                "text/csv");
        return passOn(answer, "text/csv;charset=UTF-8", "attachment; filename=\"outcomes.csv\"");
    }

    private static ResponseEntity<byte[]> passOn(Answer answer, String type, String disposition) {
        if (!answer.succeeded()) {
            // the API's problem, as it wrote it: a chart or a file has no page to show it on
            return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                 .body(answer.body());
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.parseMediaType(type));
        if (disposition != null) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        return ok.body(answer.body());
    }

    /** The named parameters that were given a value, trimmed; an empty field of the form asks nothing. */
    static Map<String, String> asked(Map<String, String> parameters, List<String> names) {
        Map<String, String> asked = new LinkedHashMap<>();
        for (String name : names) {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                asked.put(name, value.strip());
            }
        }
        return asked;
    }

    static String query(Map<String, String> asked) {
        List<String> pairs = new ArrayList<>();
        asked.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }
}
