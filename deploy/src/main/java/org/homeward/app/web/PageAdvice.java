package org.homeward.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What every page has: who is signed in (the header's links follow the role), and an HTML page, not the API's
 * problem+json, when a page itself fails. Ordered before the API's problem handler, for the pages only.
 */
@ControllerAdvice(basePackages = "org.homeward.app.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute("person")
    SignedInPerson person() {
        return SignedInPerson.of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** A page's own bad input (a malformed id in its address, a missing parameter) or an unexpected failure. */
    @ExceptionHandler(Exception.class)
    String failed(Exception failure, Model model, HttpServletResponse response) {
        boolean badInput = failure instanceof ServletRequestBindingException || failure instanceof TypeMismatchException
                           || failure instanceof NoResourceFoundException;
        int status = badInput ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        if (!badInput) {
            // the exception names ids and fields only, as every refusal here does
            LOG.error("A page failed", failure);
        }
        response.setStatus(status);
        model.addAttribute("person", person());
        model.addAttribute("problem", new Answer.Problem(status, badInput ? "unknown" : "internal-error", "",
                                                         Map.of()));
        return "error";
    }
}
