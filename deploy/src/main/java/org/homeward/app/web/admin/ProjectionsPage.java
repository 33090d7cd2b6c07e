package org.homeward.app.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.homeward.app.web.Answer;
import org.homeward.app.web.InProcessApi;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * How far each projection is, and a button to rebuild one from the event store. While one rebuilds, the table
 * is a progress bar that the page's script refreshes every second from {@code /admin/projections/progress} (the
 * table alone); without the script, a link reloads the page.
 */
@Controller
class ProjectionsPage {

    private static final String PROGRESS = "/api/v1/admin/projections";

    /**
     * A projection as the table shows it.
     *
     * @param percent     how much of the event store it has applied, 0 to 100
     * @param secondsLeft the time a rebuild still needs at its current speed; null when not known
     */
    record Row(String name, boolean rebuilding, long position, long newestEvent, long behind, int percent,
               long eventsPerSecond, Long secondsLeft) {

        public boolean caughtUp() {
            return !rebuilding && behind == 0;
        }
    }

    private final InProcessApi api;

    ProjectionsPage(InProcessApi api) {
        this.api = api;
    }

    @GetMapping("/admin/projections")
    String projections(HttpServletRequest request, HttpServletResponse response, Model model) {
        read(request, response, model);
        return "admin/projections";
    }

    /** The table alone, for the page's script to put in place of the one it shows. */
    @GetMapping("/admin/projections/progress")
    String progress(HttpServletRequest request, HttpServletResponse response, Model model) {
        read(request, response, model);
        return "admin/projections :: progress";
    }

    @PostMapping("/admin/projections/{name}/rebuild")
    String rebuild(@PathVariable String name, HttpServletRequest request, HttpServletResponse response, Model model)
            throws NoResourceFoundException {
        if (!name.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new NoResourceFoundException(HttpMethod.POST, request.getRequestURI(), "no such projection");
        }
        Answer answer = api.post(request, response, PROGRESS + "/" + name + "/rebuild", null, null, null);
        if (answer.succeeded()) {
            return "redirect:/admin/projections?rebuilding=" + name;
        }
        response.setStatus(answer.status());
        model.addAttribute("problem", api.problem(answer));
        read(request, response, model);
        return "admin/projections";
    }

    @SuppressWarnings("unchecked")
    private void read(HttpServletRequest request, HttpServletResponse response, Model model) {
        Answer answer = api.get(request, response, PROGRESS, null);
        if (!answer.succeeded()) {
            model.addAttribute("problem", api.problem(answer));
            model.addAttribute("projections", List.of());
            model.addAttribute("catchingUp", false);
            return;
        }
        List<Row> rows = ((List<Map<String, Object>>) api.json(answer)).stream().map(ProjectionsPage::row).toList();
        model.addAttribute("projections", rows);
        model.addAttribute("catchingUp", rows.stream().anyMatch(row -> !row.caughtUp()));
    }

    private static Row row(Map<String, Object> progress) {
        long position = number(progress.get("position"));
        long newest = number(progress.get("newestEvent"));
        int percent = newest <= 0 ? 100 : (int) Math.min(100, position * 100 / newest);
        return new Row(String.valueOf(progress.get("projection")), Boolean.TRUE.equals(progress.get("rebuilding")),
                       position, newest, number(progress.get("behind")), percent,
                       Math.round(progress.get("eventsPerSecond") instanceof Number speed ? speed.doubleValue() : 0),
                       seconds(progress.get("timeLeft")));
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** The API writes a duration as ISO-8601 text or as a number of seconds, depending on its JSON settings. */
    private static Long seconds(Object timeLeft) {
        if (timeLeft instanceof Number number) {
            return Math.round(number.doubleValue());
        }
        if (timeLeft instanceof String text && !text.isBlank()) {
            try {
                return Duration.parse(text).toSeconds();
            } catch (RuntimeException notADuration) {
                return null;
            }
        }
        return null;
    }
}
