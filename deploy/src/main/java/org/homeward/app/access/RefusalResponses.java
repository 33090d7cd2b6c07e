package org.homeward.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
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

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                        String detail) throws IOException {
        denials.record(request, status.value());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:homeward:problem:" + type));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
