package org.homeward.app.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start: the sign-in page, and after it each person's own first page. */
@Controller
class HomePage {

    private final ObjectProvider<ClientRegistrationRepository> identityProviders;

    HomePage(ObjectProvider<ClientRegistrationRepository> identityProviders) {
        this.identityProviders = identityProviders;
    }

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

    /** With identity providers configured, a way to sign in through each, beside the local accounts' form. */
    @GetMapping("/sign-in")
    String signIn(Model model) {
        List<ClientRegistration> providers = new ArrayList<>();
        if (identityProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            registrations.forEach(registration -> providers.add((ClientRegistration) registration));
        }
        model.addAttribute("providers", providers);
        return "signin/sign-in";
    }
}
