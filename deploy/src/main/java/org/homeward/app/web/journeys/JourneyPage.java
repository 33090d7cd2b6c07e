package org.homeward.app.web.journeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.app.web.Answer;
import org.homeward.access.Role;
import org.homeward.app.web.InProcessApi;
import org.homeward.app.web.SignedInPerson;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A journey's timeline as the API answers it to the signed-in person: milestones grouped by reintegration area and
 * in date order, corrections and retractions visible, and everything else the timeline holds; with the links to
 * every command's form. After a command the page asks for at least the version it answered, so the change shows.
 */
@Controller
class JourneyPage {

    private static final List<String> FORM_ORDER = List.of(
            "recordMilestone", "scheduleFollowUp", "assess", "flagRisk", "giveConsent", "withdrawConsent", "refer",
            "receiveReferral", "assign", "transfer", "close", "reopen", "erase");

    private final InProcessApi api;
    private final CommandForms forms;

    JourneyPage(InProcessApi api, CommandForms forms) {
        this.api = api;
        this.forms = forms;
    }

    @GetMapping("/journeys/{journeyId}")
    @SuppressWarnings("unchecked")
    String timeline(@ModelAttribute("person") SignedInPerson person, @PathVariable UUID journeyId,
                    @RequestParam(required = false) Long seen,
                    @RequestParam(required = false) String recorded, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        Answer answer = api.get(request, response, "/api/v1/journeys/" + journeyId + "/timeline",
                                seen == null ? null : "minVersion=" + seen);
        model.addAttribute("journeyId", journeyId);
        if (!answer.succeeded()) {
            response.setStatus(answer.status());
            model.addAttribute("problem", api.problem(answer));
            return "journeys/timeline";
        }
        Map<String, Object> timeline = (Map<String, Object>) api.json(answer);
        model.addAttribute("timeline", timeline);
        model.addAttribute("areas", byArea((List<Map<String, Object>>) timeline.get("milestones")));
        model.addAttribute("chart", AssessmentChart.of((List<Map<String, Object>>) timeline.get("assessments")));
        model.addAttribute("journeyForms", forms.forms(request, response).values().stream()
                .filter(form -> form.path().startsWith("/api/v1/journeys/{journeyId}/") && form.pathIds().isEmpty())
                .map(CommandForms.Form::operationId)
                .filter(operation -> !operation.equals("erase") || person.role() == Role.SUPERVISOR)
                .sorted(Comparator.comparingInt(JourneyPage::place)).toList());
        model.addAttribute("recorded", recorded);
        return "journeys/timeline";
    }

    /** The forms in the order a case manager most often needs them; any the API gains later come last. */
    private static int place(String operationId) {
        int place = FORM_ORDER.indexOf(operationId);
        return place < 0 ? FORM_ORDER.size() : place;
    }

    /** Milestones by the area they belong to, areas in the order their first milestone happened, dates in order. */
    private static Map<String, List<Map<String, Object>>> byArea(List<Map<String, Object>> milestones) {
        List<Map<String, Object>> inOrder = new ArrayList<>(milestones);
        inOrder.sort(Comparator.comparing(milestone -> String.valueOf(milestone.get("occurredOn"))));
        Map<String, List<Map<String, Object>>> areas = new LinkedHashMap<>();
        for (Map<String, Object> milestone : inOrder) {
            areas.computeIfAbsent(String.valueOf(milestone.get("area")), area -> new ArrayList<>()).add(milestone);
        }
        return areas;
    }
}
