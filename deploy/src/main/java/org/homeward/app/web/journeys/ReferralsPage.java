package org.homeward.app.web.journeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.homeward.app.web.Answer;
import org.homeward.app.web.InProcessApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A partner's staff: the referrals made to their organisation, with what the person consented to share, and the
 * steps each one may take next (accept or decline, start, complete or close unmet), each its own form.
 */
@Controller
class ReferralsPage {

    private final InProcessApi api;

    ReferralsPage(InProcessApi api) {
        this.api = api;
    }

    @GetMapping("/referrals")
    @SuppressWarnings("unchecked")
    String referrals(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String recorded,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        Answer answer = api.get(request, response, "/api/v1/referrals",
                                "page=" + Math.max(page, 0) + "&size=" + CaseloadPage.PAGE_SIZE);
        model.addAttribute("recorded", recorded);
        if (!answer.succeeded()) {
            response.setStatus(answer.status());
            model.addAttribute("problem", api.problem(answer));
            return "journeys/referrals";
        }
        Map<String, Object> referrals = (Map<String, Object>) api.json(answer);
        long total = ((Number) referrals.get("total")).longValue();
        model.addAttribute("entries", referrals.get("entries"));
        model.addAttribute("total", total);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", Math.max(1, (total + CaseloadPage.PAGE_SIZE - 1) / CaseloadPage.PAGE_SIZE));
        return "journeys/referrals";
    }
}
