package org.homeward.app.web.journeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.access.Ids;
import org.homeward.access.Role;
import org.homeward.app.web.Answer;
import org.homeward.app.web.InProcessApi;
import org.homeward.app.web.SignedInPerson;
import org.homeward.app.web.signin.PersonAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A caseload, most urgent first (the API's order: flagged and overdue first). A case manager sees their own; a
 * supervisor chooses any case manager of the organisation. A journey is found by its code, the first characters
 * of its id, which a case manager can say on the phone without naming the person.
 */
@Controller
class CaseloadPage {

    static final int PAGE_SIZE = 20;
    /** A code search reads the caseload in pages this large, the API's largest. */
    private static final int SEARCH_PAGE_SIZE = 100;

    private final InProcessApi api;
    private final PersonAccounts accounts;

    CaseloadPage(InProcessApi api, PersonAccounts accounts) {
        this.api = api;
        this.accounts = accounts;
    }

    @GetMapping("/caseload")
    @SuppressWarnings("unchecked")
    String caseload(@ModelAttribute("person") SignedInPerson person,
                    @RequestParam(required = false) String caseManager,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String code,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        String whose = person.role() == Role.SUPERVISOR && caseManager != null && !caseManager.isBlank()
                       ? caseManager.strip() : person.userId();
        String search = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("caseManager", whose);
        model.addAttribute("code", search);
        if (person.role() == Role.SUPERVISOR) {
            model.addAttribute("caseManagers", accounts.all().stream()
                    .filter(account -> account.organisationId().equals(person.organisationId())
                                       && account.role() == Role.CASE_MANAGER && account.disabledAt() == null)
                    .map(PersonAccounts.Account::userId).toList());
        }
        if (!whose.matches(Ids.ID) || !search.matches("[0-9a-f-]{0,36}")) {
            model.addAttribute("problem", new Answer.Problem(400, "invalid-request", "", Map.of()));
            return "journeys/caseload";
        }
        String path = "/api/v1/caseloads/" + whose;
        if (search.isEmpty()) {
            Answer answer = api.get(request, response, path, "page=" + Math.max(page, 0) + "&size=" + PAGE_SIZE);
            if (!answer.succeeded()) {
                model.addAttribute("problem", api.problem(answer));
                return "journeys/caseload";
            }
            Map<String, Object> caseload = (Map<String, Object>) api.json(answer);
            long total = ((Number) caseload.get("total")).longValue();
            model.addAttribute("entries", caseload.get("entries"));
            model.addAttribute("total", total);
            model.addAttribute("page", Math.max(page, 0));
            model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
            return "journeys/caseload";
        }
        List<Object> found = new ArrayList<>();
        for (int scan = 0; ; scan++) {
            Answer answer = api.get(request, response, path, "page=" + scan + "&size=" + SEARCH_PAGE_SIZE);
            if (!answer.succeeded()) {
                model.addAttribute("problem", api.problem(answer));
                return "journeys/caseload";
            }
            List<Map<String, Object>> entries = (List<Map<String, Object>>) ((Map<String, Object>) api.json(answer))
                    .get("entries");
            entries.stream().filter(entry -> String.valueOf(entry.get("journeyId")).startsWith(search))
                   .forEach(found::add);
            if (entries.size() < SEARCH_PAGE_SIZE) {
                break;
            }
        }
        model.addAttribute("entries", found);
        model.addAttribute("total", (long) found.size());
        model.addAttribute("page", 0);
        model.addAttribute("pages", 1L);
        return "journeys/caseload";
    }
}
