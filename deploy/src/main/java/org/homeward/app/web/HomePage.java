package org.homeward.app.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start: the sign-in page, and after it each person's own first page. */
@Controller
class HomePage {

    @GetMapping("/")
    String start() {
        SignedInPerson person = SignedInPerson.of(SecurityContextHolder.getContext().getAuthentication());
        if (person == null) {
            return "redirect:/sign-in";
        }
        return switch (person.role()) {
            case CASE_MANAGER, SUPERVISOR -> "redirect:/caseload";
            case EVALUATOR -> "redirect:/outcomes";
            case AUDITOR -> "redirect:/audit";
            case ADMINISTRATOR -> "redirect:/admin";
        };
    }

    @GetMapping("/sign-in")
    String signIn() {
        return "signin/sign-in";
    }
}
