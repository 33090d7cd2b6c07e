package org.homeward.app.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.homeward.access.Role;
import org.homeward.app.web.Answer;
import org.homeward.app.web.SignedInPerson;
import org.homeward.app.web.signin.PersonAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The local accounts: who may sign in, in which role and organisation, and whether they are locked or disabled.
 * An administrator creates an account (the password typed twice, never shown again), disables one (its sessions
 * end at their next request) or lifts a lockout. The accounts are not behind the API, so this page alone reads
 * and writes them, and only administrators reach it.
 */
@Controller
class AccountsPage {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsPage.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                                                                   .withZone(ZoneOffset.UTC);

    /** An account as the table shows it, its times written out. */
    record Row(String userId, Role role, String organisationId, String createdBy, String createdAt,
               String lockedUntil, String disabledAt, boolean secondFactor) {
    }

    /** What the administrator typed in the form to create an account, passwords left out. */
    record NewAccount(String userId, String role, String organisationId) {
    }

    private final PersonAccounts accounts;
    private final Clock clock;

    AccountsPage(PersonAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/admin/accounts")
    String accounts(@ModelAttribute("person") SignedInPerson person, Model model) {
        return show(model, new NewAccount("", "", person.organisationId()), Map.of());
    }

    @PostMapping("/admin/accounts")
    String create(@ModelAttribute("person") SignedInPerson person, @RequestParam(required = false) String userId,
                  @RequestParam(required = false) String role, @RequestParam(required = false) String organisationId,
                  @RequestParam(required = false) String password,
                  @RequestParam(required = false) String passwordAgain, Model model, HttpServletResponse response) {
        NewAccount typed = new NewAccount(strip(userId), role == null ? "" : role, strip(organisationId));
        Map<String, String> fieldProblems = new LinkedHashMap<>();
        Optional<Role> chosen = Arrays.stream(Role.values()).filter(r -> r.name().equals(typed.role())).findFirst();
        if (chosen.isEmpty()) {
            fieldProblems.put("role", "accounts.problem.role");
        }
        PersonAccounts.problem(typed.userId(), typed.organisationId(), password)
                      .ifPresent(refused -> fieldProblems.put(refused[0], "accounts.problem." + refused[0]));
        if (!fieldProblems.containsKey("password") && !password.equals(passwordAgain)) {
            fieldProblems.put("passwordAgain", "accounts.problem.passwordAgain");
        }
        if (fieldProblems.isEmpty()
            && !accounts.create(typed.userId(), chosen.get(), typed.organisationId(), password, person.userId())) {
            fieldProblems.put("userId", "accounts.problem.exists");
        }
        if (!fieldProblems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", new Answer.Problem(400, "invalid-request", "", Map.of()));
            return show(model, typed, fieldProblems);
        }
        // the password is never logged, nor kept anywhere but as its hash
        LOG.info("Account {} ({}) created by {}", typed.userId(), chosen.get(), person.userId());
        return "redirect:/admin/accounts?created=" + UriUtils.encodeQueryParam(typed.userId(), "UTF-8");
    }

    @PostMapping("/admin/accounts/{userId}/disable")
    String disable(@ModelAttribute("person") SignedInPerson person, @PathVariable String userId) {
        // an administrator does not shut themselves out; another administrator can
        return done(!userId.equals(person.userId()) && accounts.disable(userId), "disabled", userId, person);
    }

    @PostMapping("/admin/accounts/{userId}/unlock")
    String unlock(@ModelAttribute("person") SignedInPerson person, @PathVariable String userId) {
        return done(accounts.unlock(userId), "unlocked", userId, person);
    }

    /** A person lost the phone with their authenticator app: they sign in with their password and set up anew. */
    @PostMapping("/admin/accounts/{userId}/second-factor-reset")
    String resetSecondFactor(@ModelAttribute("person") SignedInPerson person, @PathVariable String userId) {
        return done(accounts.resetSecondFactor(userId), "secondFactorReset", userId, person);
    }

    /** Back to the accounts, saying what was done to whom (logged with ids only), or nothing when it did not apply. */
    private static String done(boolean applied, String what, String userId, SignedInPerson person) {
        if (!applied) {
            return "redirect:/admin/accounts";
        }
        LOG.info("Account {}: {} by {}", userId, what, person.userId());
        return "redirect:/admin/accounts?" + what + "=" + UriUtils.encodeQueryParam(userId, "UTF-8");
    }

    private String show(Model model, NewAccount typed, Map<String, String> fieldProblems) {
        Instant now = clock.instant();
        List<Row> rows = accounts.all().stream()
                .map(a -> new Row(a.userId(), a.role(), a.organisationId(), a.createdBy(), when(a.createdAt()),
                                  a.locked(now) ? when(a.lockedUntil()) : null, when(a.disabledAt()),
                                  a.secondFactor()))
                .toList();
        model.addAttribute("accounts", rows);
        model.addAttribute("roles", Role.values());
        model.addAttribute("typed", typed);
        model.addAttribute("fieldProblems", fieldProblems);
        model.addAttribute("shortest", PersonAccounts.SHORTEST_PASSWORD);
        model.addAttribute("longest", PersonAccounts.LONGEST_PASSWORD);
        return "admin/accounts";
    }

    private static String when(Instant instant) {
        return instant == null ? null : WHEN.format(instant);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
