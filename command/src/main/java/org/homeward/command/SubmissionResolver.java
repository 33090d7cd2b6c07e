package org.homeward.command;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.homeward.access.Caller;
import org.homeward.access.Ids;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads a {@link Submission} from the request: its headers, refusing malformed ones with the header named, and
 * the {@link Caller} that authentication put on the request. Idempotency keys are scoped to the caller, so one
 * person's key never answers another's request.
 */
class SubmissionResolver implements HandlerMethodArgumentResolver {

    private static final int LONGEST_KEY = 200;
    private static final String KEY_RULE = "must be 1 to " + LONGEST_KEY + " visible ASCII characters, such as a UUID";
    private static final String VERSION_RULE = "must be the ETag of a journey version, such as \"7\"";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Submission.class;
    }

    @Override
    public Submission resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Caller caller = Caller.onRequest(request::getAttribute);
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller on a request that records");
        }
        String key = idempotencyKey(header(request, "Idempotency-Key", KEY_RULE));
        return new Submission(caller,
                              key == null ? null : caller.userId() + "\n" + key,
                              expectedVersion(header(request, "If-Match", VERSION_RULE)),
                              request.getRequestURI(),
                              token("X-Request-Id", header(request, "X-Request-Id", Ids.TOKEN_RULE),
                                    UUID.randomUUID().toString()),
                              token("X-Channel", header(request, "X-Channel", Ids.TOKEN_RULE), "api"));
    }

    /**
     * The header's value. The security firewall in front refuses, when a header is read, values with characters
     * outside visible ISO-8859-1 (such as UTF-8 bytes); that is bad input in this header like any other.
     */
    private static String header(HttpServletRequest request, String name, String rule) {
        try {
            return request.getHeader(name);
        } catch (RuntimeException refused) {
            throw new InvalidFieldException(name, rule);
        }
    }

    /** A short code the client chose, such as a request id or its channel ("web", "mobile", "api"). */
    private static String token(String header, String value, String otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (!value.matches(Ids.TOKEN)) {
            throw new InvalidFieldException(header, Ids.TOKEN_RULE);
        }
        return value;
    }

    private static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > LONGEST_KEY || !header.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidFieldException("Idempotency-Key", KEY_RULE);
        }
        return header;
    }

    /** The journey version of an ETag such as {@code "7"} or {@code W/"7"}. */
    private static Long expectedVersion(String header) {
        if (header == null) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.matches("\"\\d{1,18}\"")) {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        }
        throw new InvalidFieldException("If-Match", VERSION_RULE);
    }
}
