package org.homeward.app.web;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.homeward.access.Caller;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages' one way to read and record: they call the API, in the same process and thread, through the API's own
 * security filter chain and handlers, as the signed-in person. So a page is held to exactly the API's rules (roles,
 * whose journey, consent), its checks of every field, its problems, {@code If-Match} and {@code Idempotency-Key},
 * and its audit of reads, with nothing written twice; and no token is minted and no socket opened for it.
 */
@Component
public class InProcessApi {

    private final Filter security;
    private final DispatcherServlet dispatcher;
    private final JsonMapper json;

    InProcessApi(@Qualifier("springSecurityFilterChain") Filter security, DispatcherServlet dispatcher,
                 JsonMapper json) {
        this.security = security;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    /** A read; {@code query} is already encoded, such as {@code page=2&code=AB}. */
    public Answer get(HttpServletRequest page, HttpServletResponse response, String path, String query) {
        return call(page, response, "GET", path, query, null, Map.of());
    }

    /** A read of another form of the same answer, such as {@code text/csv} or {@code image/svg+xml}. */
    public Answer get(HttpServletRequest page, HttpServletResponse response, String path, String query,
                      String accept) {
        return call(page, response, "GET", path, query, null, Map.of("Accept", accept));
    }

    /**
     * A command. {@code version} (the journey version the form was drawn from) goes as {@code If-Match};
     * {@code formKey} (a key drawn with the form) as {@code Idempotency-Key}, so a form sent twice records once.
     */
    public Answer post(HttpServletRequest page, HttpServletResponse response, String path, Object body, Long version,
                       String formKey) {
        Map<String, String> headers = new HashMap<>();
        if (version != null) {
            headers.put("If-Match", "\"" + version + "\"");
        }
        if (formKey != null && !formKey.isBlank()) {
            headers.put("Idempotency-Key", formKey);
        }
        return call(page, response, "POST", path, null, body, headers);
    }

    /** Reads an answer's JSON body as maps, lists and plain values, which the templates walk. */
    public Object json(Answer answer) {
        return answer.body().length == 0 ? null : json.readValue(answer.body(), Object.class);
    }

    public Answer.Problem problem(Answer answer) {
        Object body;
        try {
            body = json(answer);
        } catch (RuntimeException notJson) {
            body = null;
        }
        return Answer.Problem.of(answer.status(), body);
    }

    private Answer call(HttpServletRequest page, HttpServletResponse response, String method, String path,
                        String query, Object body, Map<String, String> headers) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        SignedInPerson person = SignedInPerson.of(authentication);
        if (person == null) {
            throw new IllegalStateException("a page called the API with no one signed in");
        }
        Map<String, String> all = new HashMap<>(headers);
        all.putIfAbsent("Accept", "application/json");
        all.put("X-Channel", "web");
        all.put("X-Request-Id", UUID.randomUUID().toString());
        if (page.getHeader("Accept-Language") != null) {
            all.put("Accept-Language", page.getHeader("Accept-Language"));
        }
        byte[] bytes = new byte[0];
        if (body != null) {
            bytes = json.writeValueAsBytes(body);
            all.put("Content-Type", "application/json");
        }
        ApiRequest request = new ApiRequest(page, method, path, query, bytes, all);
        // the API's chain is stateless: it takes who is calling from this attribute, as it would from a token
        request.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
                             new SecurityContextImpl(authentication));
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, person.caller());
        ApiResponse answer = new ApiResponse(response);
        // the API's chain clears the thread's security context when it is done; the page still needs its own
        SecurityContext pageContext = SecurityContextHolder.getContext();
        try {
            security.doFilter(request, answer, (req, res) -> dispatcher.service(req, res));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException("the API failed a page's call", e);
        } finally {
            SecurityContextHolder.setContext(pageContext);
        }
        return answer.answer();
    }
}
