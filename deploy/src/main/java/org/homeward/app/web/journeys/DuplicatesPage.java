package org.homeward.app.web.journeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.homeward.app.web.Answer;
import org.homeward.app.web.InProcessApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A supervisor weighs the journeys that may be the same person's: opens both, then confirms or dismisses. Each
 * decision is a form of its own, with a key drawn with the page, so sending it twice decides once.
 */
@Controller
class DuplicatesPage {

    private final InProcessApi api;

    DuplicatesPage(InProcessApi api) {
        this.api = api;
    }

    @GetMapping("/possible-duplicates")
    String list(@RequestParam(required = false) String decided, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Answer answer = api.get(request, response, "/api/v1/possible-duplicates", null);
        model.addAttribute("decided", decided);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        if (!answer.succeeded()) {
            response.setStatus(answer.status());
            model.addAttribute("problem", api.problem(answer));
        } else {
            model.addAttribute("duplicates", api.json(answer));
        }
        return "journeys/possible-duplicates";
    }

    @PostMapping("/possible-duplicates/{possibleDuplicateId}/{decision:confirmation|dismissal}")
    String decide(@PathVariable UUID possibleDuplicateId, @PathVariable String decision,
                  @RequestParam(required = false) String formKey, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Answer answer = api.post(request, response,
                                 "/api/v1/possible-duplicates/" + possibleDuplicateId + "/" + decision, null, null,
                                 // one page, several pairs: each decision its own key
                                 formKey == null || formKey.isBlank() ? null : formKey + ":" + possibleDuplicateId);
        if (answer.succeeded()) {
            return "redirect:/possible-duplicates?decided=" + decision;
        }
        response.setStatus(answer.status());
        model.addAttribute("problem", api.problem(answer));
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "journeys/possible-duplicates";
    }
}
