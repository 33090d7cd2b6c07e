package org.homeward.app.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.homeward.refusal.InvalidRequestException;
import org.homeward.refusal.Refusal;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks every request to an endpoint before its arguments are read: parameters may not carry control
 * characters (PostgreSQL refuses NUL in text), the Content-Type must be a concrete media type, and instants must
 * lie in the years PostgreSQL and ISO 8601 agree on. Each refusal names the parameter, never the value.
 */
@Configuration(proxyBeanMethods = false)
class RequestChecks implements WebMvcConfigurer, HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new BoundedInstants());
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new ReadableAccept()));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        List<Refusal.Field> problems = new ArrayList<>();
        Set<String> declared = declaredParameters(handler);
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasControl(parameter.getKey()) || Arrays.stream(parameter.getValue()).anyMatch(RequestChecks::hasControl)) {
                problems.add(new Refusal.Field(
                        declared.contains(parameter.getKey()) ? parameter.getKey() : "query",
                        "must not contain control characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream().distinct().toList());
        }
        try {
            MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException e) {
            throw new InvalidRequestException(List.of(new Refusal.Field(
                    "Accept", "must be a list of media types, such as application/json")));
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            try {
                // application/* too: a converter asked to read a wildcard subtype throws, which would be a 500
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    throw new HttpMediaTypeNotSupportedException("wildcard content type");
                }
            } catch (InvalidMediaTypeException e) {
                throw new HttpMediaTypeNotSupportedException("unreadable content type");
            }
        }
        return true;
    }

    /**
     * The parameter names the endpoint declares: only these are named in an answer, others are called "query", since
     * a name the client invented may be anything it typed.
     */
    private static Set<String> declaredParameters(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return Set.of();
        }
        return Arrays.stream(method.getMethodParameters())
                     .map(parameter -> {
                         RequestParam declared = parameter.getParameterAnnotation(RequestParam.class);
                         if (declared == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
                             return null;
                         }
                         parameter.initParameterNameDiscovery(NAMES);
                         return declared.name().isEmpty() ? parameter.getParameterName() : declared.name();
                     })
                     .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    /** C0 controls and DEL; tab, line feed and carriage return are ordinary text. */
    static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f);
    }

    /**
     * Reads an Accept header that cannot be parsed (or that the security firewall refuses) as absent: Spring would
     * otherwise answer the refusal of such a request with an empty body, since it cannot tell what the client takes.
     * The request itself is still refused, in {@link #preHandle}, naming the header.
     */
    private static final class ReadableAccept extends HeaderContentNegotiationStrategy {

        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
            try {
                return super.resolveMediaTypes(request);
            } catch (HttpMediaTypeNotAcceptableException | RuntimeException unreadable) {
                return MEDIA_TYPE_ALL_LIST;
            }
        }
    }

    /** ISO 8601 instants in the years 0001 to 9999: PostgreSQL's timestamps end in the year 294276. */
    private static final class BoundedInstants implements Formatter<Instant> {

        @Override
        public Instant parse(String text, Locale locale) {
            Instant instant = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
            if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
                throw new IllegalArgumentException("instant outside the years 0001 to 9999");
            }
            return instant;
        }

        @Override
        public String print(Instant instant, Locale locale) {
            return instant.toString();
        }
    }
}
