package org.homeward.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page has: who is signed in (the header's links follow the role), and an HTML page, not the API's
 * problem+json, when a page itself fails or is asked for with bad input (a malformed id or parameter, a control
 * character, an unreadable header): a 4xx that says so, never a 500. Ordered before the API's problem handler, for
 * the pages only.
 */
@ControllerAdvice(basePackages = "org.homeward.app.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute("person")
    SignedInPerson person() {
        return SignedInPerson.of(SecurityContextHolder.getContext().getAuthentication());
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception failure, Model model, HttpServletResponse response) {
        int status = status(failure);
        if (status >= 500) {
            // the exception names ids and fields only, as every refusal here does
            LOG.error("A page failed", failure);
        }
        response.setStatus(status);
        model.addAttribute("person", person());
        String type = status == 404 ? "unknown" : status >= 500 ? "internal-error" : "invalid-request";
        model.addAttribute("problem", new Answer.Problem(status, type, "", Map.of()));
        return "error";
    }

    /** The status the failure is: a refusal's or a framework error's own, 400 for bad input, else 500. */
    private static int status(Exception failure) {
        if (failure instanceof Refusal || failure instanceof ServletRequestBindingException
            || failure instanceof TypeMismatchException || failure instanceof HttpMessageNotReadableException
            || failure instanceof RequestRejectedException || failure instanceof InvalidParameterException) {
            return failure instanceof Refusal refusal && refusal.kind() == RefusalKind.UNKNOWN
                   ? 404 : 400;
        }
        if (failure instanceof ErrorResponse framework) {
            // no such page (404), a method it does not take (405), a media type it does not speak (406, 415)
            return framework.getStatusCode().value();
        }
        return 500;
    }
}
