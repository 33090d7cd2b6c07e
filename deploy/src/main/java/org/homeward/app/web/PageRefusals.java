package org.homeward.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.util.HtmlUtils;

/**
 * A page refused before any controller ran: a form whose CSRF token no longer matches (the session ended, or the
 * form came from elsewhere), or a page of another role. A person in a browser gets a short page in their language
 * that says which and offers the way back, rather than the API's problem+json.
 */
final class PageRefusals implements AccessDeniedHandler {

    private final MessageSource messages;

    PageRefusals(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        Locale locale = request.getLocale();
        String reason = refused instanceof CsrfException ? "problem.formExpired" : "problem.forbidden";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag())
                                   + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width="
                                   + "device-width, initial-scale=1\"><title>" + text("error.title", locale)
                                   + "</title><link rel=\"stylesheet\" href=\"/assets/homeward.css\"></head><body>"
                                   + "<main id=\"main\" class=\"narrow\"><h1>" + text("error.title", locale)
                                   + "</h1><div class=\"problem\" role=\"alert\"><p>" + text(reason, locale)
                                   + "</p></div><p><a href=\"/\">" + text("error.home", locale)
                                   + "</a></p></main></body></html>");
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale));
    }
}
