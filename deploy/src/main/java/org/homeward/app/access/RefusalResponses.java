package org.homeward.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.homeward.app.database.DatabaseUnavailable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request without a valid token (401) or with a role that may not do what it asks (403) as a problem
 * response that says only that, never why the token failed; every refusal is kept in the audit trail ({@link DenialLog}).
 */
@Component
class RefusalResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final DenialLog denials;

    RefusalResponses(JsonMapper json, DenialLog denials) {
        this.json = json;
        this.denials = denials;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException refused) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        refuse(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
               "Sign in first: send a valid bearer token");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        refuse(request, response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this");
    }

    /** Kept first, then answered; a refusal that cannot be kept (the database is away) is not given either. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                        String detail) throws IOException {
        try {
            denials.record(request, status.value());
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedIt(e)) {
                throw e;
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
            write(response, DatabaseUnavailable.answer(e));
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:homeward:problem:" + type));
        write(response, problem);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
