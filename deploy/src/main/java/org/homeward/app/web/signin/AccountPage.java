package org.homeward.app.web.signin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.homeward.app.HomewardSettings;
import org.homeward.app.web.SignedInPerson;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's own account: their password and the second factor. Setting the factor up shows a new secret to put
 * into an authenticator app, and turns it on only once a code the app shows is right, so no one is locked out by a
 * mistyped secret. The secret waits in the session meanwhile, never in the page's form.
 */
@Controller
class AccountPage {

    private static final String PENDING = "homeward.pendingSecondFactor";

    private final PersonAccounts accounts;
    private final Clock clock;
    private final HomewardSettings.Web settings;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountPage(PersonAccounts accounts, Clock clock, HomewardSettings settings,
                FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.accounts = accounts;
        this.clock = clock;
        this.settings = settings.web();
        this.sessions = sessions;
    }

    @GetMapping("/account")
    String account(@ModelAttribute("person") SignedInPerson person, @RequestParam(required = false) String done,
                   Model model) {
        model.addAttribute("local", accounts.find(person.userId()).isPresent());
        model.addAttribute("secondFactor", accounts.hasSecondFactor(person.userId()));
        model.addAttribute("done", done);
        return "signin/account";
    }

    /**
     * A person changes their own password, giving the current one. Their other sessions end (a password changed
     * because it leaked must not leave someone else signed in); this one goes on.
     */
    @PostMapping("/account/password")
    String changePassword(@ModelAttribute("person") SignedInPerson person,
                          @RequestParam(required = false) String current,
                          @RequestParam(required = false) String password,
                          @RequestParam(required = false) String passwordAgain, HttpSession session, Model model,
                          HttpServletResponse response) {
        String problem = null;
        if (PersonAccounts.problem(person.userId(), person.organisationId(), password).isPresent()) {
            problem = "account.password.rule";
        } else if (!password.equals(passwordAgain)) {
            problem = "account.password.differ";
        } else if (!accounts.changePassword(person.userId(), current, password, settings.signInAttempts(),
                                            settings.lockout())) {
            problem = "account.password.wrong";
        }
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("passwordProblem", problem);
            return account(person, null, model);
        }
        sessions.findByPrincipalName(person.userId()).keySet().stream()
                .filter(id -> !id.equals(session.getId())).forEach(sessions::deleteById);
        return "redirect:/account?passwordChanged";
    }

    @PostMapping("/account/second-factor/new")
    String setUp(@ModelAttribute("person") SignedInPerson person, HttpSession session, Model model) {
        String secret = SecondFactor.newSecret();
        session.setAttribute(PENDING, secret);
        return showSecret(person, secret, false, model);
    }

    @PostMapping("/account/second-factor")
    String confirm(@ModelAttribute("person") SignedInPerson person, @RequestParam(required = false) String code,
                   HttpSession session, Model model) {
        String secret = (String) session.getAttribute(PENDING);
        if (secret == null) {
            return "redirect:/account";
        }
        if (SecondFactor.step(secret, code, clock.instant()) < 0) {
            return showSecret(person, secret, true, model);
        }
        accounts.useSecondFactor(person.userId(), secret);
        session.removeAttribute(PENDING);
        return "redirect:/account?done";
    }

    private static String showSecret(SignedInPerson person, String secret, boolean wrongCode, Model model) {
        model.addAttribute("secret", secret);
        model.addAttribute("appAddress", SecondFactor.appAddress(secret, person.userId()));
        model.addAttribute("wrongCode", wrongCode);
        return "signin/second-factor";
    }
}
