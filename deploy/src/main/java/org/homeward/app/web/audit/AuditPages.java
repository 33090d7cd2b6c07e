package org.homeward.app.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The auditor's pages: the trail of recorded events, the reads of personal data and the refusals, each filtered
 * and paged as the API pages them; a journey's history with what each change replaced; its timeline as known at
 * a chosen instant; and a verification of the event store's hash chain. Every read of a journey says why: for
 * the audit ({@code purpose=AUDIT}), which the read audit keeps.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    private static final List<String> EVENT_FILTERS = List.of("journeyId", "actorId", "organisationId",
                                                              "eventType", "from", "to", "order");
    private static final List<String> READ_FILTERS = List.of("journeyId", "actorId", "from", "to");
    private static final List<String> DENIAL_FILTERS = List.of("actorId", "from", "to");
    private static final List<String> ANONYMOUS_FILTERS = List.of("route", "from", "to");

    private final InProcessApi api;

    AuditPages(InProcessApi api) {
        this.api = api;
    }

    @GetMapping("/audit")
    String events(@RequestParam Map<String, String> parameters, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        return list("events", "/api/v1/audit/events", EVENT_FILTERS, parameters, request, response, model);
    }

    @GetMapping("/audit/reads")
    String reads(@RequestParam Map<String, String> parameters, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        return list("reads", "/api/v1/audit/reads", READ_FILTERS, parameters, request, response, model);
    }

    @GetMapping("/audit/denials")
    String denials(@RequestParam Map<String, String> parameters, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        return list("denials", "/api/v1/audit/denials", DENIAL_FILTERS, parameters, request, response, model);
    }

    @GetMapping("/audit/denials/anonymous")
    String anonymous(@RequestParam Map<String, String> parameters, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        return list("anonymous", "/api/v1/audit/denials/anonymous", ANONYMOUS_FILTERS, parameters, request,
                    response, model);
    }

    /** One of the audit's lists: its filters as asked, one page of entries, and the way to the others. */
    @SuppressWarnings("unchecked")
    private String list(String view, String path, List<String> filters, Map<String, String> parameters,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String> asked = new LinkedHashMap<>();
        for (String name : filters) {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                asked.put(name, value.strip());
            }
        }
        int page = Math.max(0, number(parameters.get("page")));
        model.addAttribute("view", view);
        model.addAttribute("asked", asked);
        model.addAttribute("page", page);
        Map<String, String> sent = new LinkedHashMap<>(asked);
        sent.computeIfPresent("from", (name, value) -> instant(value));
        sent.computeIfPresent("to", (name, value) -> instant(value));
        model.addAttribute("filterQuery", query(asked));
        Answer answer = api.get(request, response, path,
                                query(sent) + (sent.isEmpty() ? "" : "&") + "page=" + page + "&size=" + PAGE_SIZE);
        if (!answer.succeeded()) {
            model.addAttribute("problem", api.problem(answer));
            return "audit/" + view;
        }
        Map<String, Object> found = (Map<String, Object>) api.json(answer);
        long total = ((Number) found.get("total")).longValue();
        model.addAttribute("entries", found.get("entries"));
        model.addAttribute("total", total);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        return "audit/" + view;
    }

    /** Every change to a journey in recording order, each with what it replaced. */
    @GetMapping("/audit/journeys/{journeyId}/history")
    @SuppressWarnings("unchecked")
    String history(@PathVariable UUID journeyId, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        model.addAttribute("journeyId", journeyId.toString());
        Answer answer = api.get(request, response, "/api/v1/journeys/" + journeyId + "/history", "purpose=AUDIT");
        if (!answer.succeeded()) {
            model.addAttribute("problem", api.problem(answer));
            return "audit/history";
        }
        List<Change> changes = new ArrayList<>();
        for (Object change : (List<Object>) ((Map<String, Object>) api.json(answer)).get("changes")) {
            Map<String, Object> fields = (Map<String, Object>) change;
            changes.add(new Change(fields, Facts.of(fields.get("event")), Facts.of(fields.get("replaced"))));
        }
        model.addAttribute("changes", changes);
        return "audit/history";
    }

    /** @param facts what the change recorded; {@code replaced} what it replaced, empty for none */
    record Change(Map<String, Object> change, List<Facts.Fact> facts, List<Facts.Fact> replaced) {
    }

    /** The timeline as known at {@code at} (UTC), or as known now when no instant is asked. */
    @GetMapping("/audit/journeys/{journeyId}/as-of")
    String asOf(@PathVariable UUID journeyId, @RequestParam(required = false) String at, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        String asked = at == null ? "" : at.strip();
        model.addAttribute("journeyId", journeyId.toString());
        model.addAttribute("at", asked);
        String query = "purpose=AUDIT";
        if (!asked.isEmpty()) {
            query += "&asOf=" + URLEncoder.encode(instant(asked), StandardCharsets.UTF_8);
            model.addAttribute("instant", instant(asked));
        }
        Answer answer = api.get(request, response, "/api/v1/journeys/" + journeyId + "/timeline", query);
        if (!answer.succeeded()) {
            model.addAttribute("problem", api.problem(answer));
            return "audit/as-of";
        }
        model.addAttribute("timeline", api.json(answer));
        return "audit/as-of";
    }

    @GetMapping("/audit/verify")
    String verification() {
        return "audit/verify";
    }

    /** Recomputes the chain now; the answer is the same whether it is intact or not, so it is shown either way. */
    @PostMapping("/audit/verify")
    @SuppressWarnings("unchecked")
    String verify(HttpServletRequest request, HttpServletResponse response, Model model) {
        Answer answer = api.post(request, response, "/api/v1/audit/verify", null, null, null);
        if (answer.succeeded()) {
            Map<String, Object> verification = (Map<String, Object>) api.json(answer);
            model.addAttribute("verification", verification);
            model.addAttribute("hashParts", parts((String) verification.get("verifiedHash")));
        } else {
            model.addAttribute("problem", api.problem(answer));
        }
        return "audit/verify";
    }

    /**
     * An instant as the API reads it: written with its zone, or a date and time of day taken as UTC (as a
     * browser's date-time field writes it). Anything else is passed on as typed, for the API to refuse by name.
     */
    static String instant(String typed) {
        try {
            return Instant.parse(typed).toString();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(typed).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException notADateTime) {
                return typed;
            }
        }
    }

    /** A hash in groups of 16 characters, so a narrow screen can wrap it between them; null stays empty. */
    private static List<String> parts(String hash) {
        List<String> parts = new ArrayList<>();
        for (int start = 0; hash != null && start < hash.length(); start += 16) {
            parts.add(hash.substring(start, Math.min(hash.length(), start + 16)));
        }
        return parts;
    }

    private static int number(String typed) {
        try {
            return typed == null ? 0 : Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String query(Map<String, String> asked) {
        List<String> pairs = new ArrayList<>();
        asked.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }
}
