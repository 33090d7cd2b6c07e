package org.homeward.app.problems;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.homeward.app.access.DenialLog;
import org.homeward.app.database.DatabaseUnavailable;
import org.homeward.app.server.RequestBodyTooSlowException;
import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become RFC 9457 problem responses. A bad request names each bad field and why;
 * no response ever echoes a submitted value or an internal message, since either may carry personal data.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    /** How long a client waits before retrying while the database is out of reach. */
    /** The one answer for a journey or program that does not exist and for one the caller may not see. */
    private static final String UNKNOWN = "No such journey or program";

    private final DenialLog denials;

    ProblemResponses(DenialLog denials) {
        this.denials = denials;
    }

    /** One bad field of a request and the reason it was refused. */
    record FieldProblem(String field, String reason) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                                      .map(error -> new FieldProblem(error.getField(), reason(error)))
                                      .sorted((a, b) -> a.field().compareTo(b.field()))
                                      .toList();
        return badRequest(fields);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (causes(ex).anyMatch(RequestBodyTooSlowException.class::isInstance)) {
            // 408 makes Tomcat close the connection rather than wait for the rest of the body
            return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT)
                                 .body(problem(HttpStatus.REQUEST_TIMEOUT, "request-timeout",
                                               "The request body did not arrive in time; nothing was recorded",
                                               List.of()));
        }
        return badRequest(List.of(unreadable(ex.getCause())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers)
                             .body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                                           "The request body must be JSON",
                                           List.of(new FieldProblem("Content-Type", "must be application/json"))));
    }

    /**
     * Every other refusal Spring MVC decides itself (method not allowed, not acceptable, no such endpoint, ...):
     * its own detail may quote the method, the path or a header the client sent, so only the status is kept.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse framework) {
            body = framework.getBody();
        }
        // Spring 7 leaves its own problems without a type (null), as earlier versions wrote about:blank
        if (body instanceof ProblemDetail framework
            && (framework.getType() == null || "about:blank".equals(framework.getType().toString()))) {
            HttpStatus status = HttpStatus.valueOf(statusCode.value());
            String detail = status == HttpStatus.NOT_ACCEPTABLE ? "This endpoint answers in application/json only"
                            : status == HttpStatus.NOT_FOUND ? "No such endpoint"
                            : status.getReasonPhrase();
            body = problem(status, "http-" + status.value(), detail, List.of());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** Constraints on request parameters, such as a page number below zero. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> fields = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())))
                .toList();
        return badRequest(fields);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                                                                                    : ex.getPropertyName();
        return badRequest(List.of(new FieldProblem(field, expected(ex.getRequiredType()))));
    }

    /**
     * Every refusal the application decides on purpose, answered by its kind alone: the same wherever it was
     * raised, and also when a bus between processes handed on only the refusal's details.
     */
    private ResponseEntity<ProblemDetail> refused(Refusal.Details refusal, HttpServletRequest request) {
        List<FieldProblem> fields = refusal.fields().stream()
                                           .map(field -> new FieldProblem(field.field(), field.reason())).toList();
        String type = refusal.kind().problemType();
        return switch (refusal.kind()) {
            case INVALID_REQUEST -> respond(problem(HttpStatus.BAD_REQUEST, type, "The request has invalid fields",
                                                    fields));
            case UNKNOWN -> respond(problem(HttpStatus.NOT_FOUND, type, UNKNOWN, List.of()));
            case UNKNOWN_PART -> respond(problem(HttpStatus.NOT_FOUND, type, refusal.message(), List.of()));
            // answered exactly as an unknown one, so that its existence is not revealed
            case NOT_VISIBLE -> recordedDenial(request, HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, type,
                                                                                      UNKNOWN, List.of()));
            case NOT_PERMITTED -> recordedDenial(request, HttpStatus.FORBIDDEN,
                                                 problem(HttpStatus.FORBIDDEN, type, refusal.message(), List.of()));
            case RULE_BROKEN -> respond(problem(HttpStatus.CONFLICT, type, refusal.message(), List.of()));
            case IDEMPOTENCY_KEY_REUSED -> respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, type, refusal.message(),
                                                           List.of()));
            case BUSY -> ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "5")
                                       .body(problem(HttpStatus.CONFLICT, type, refusal.message(), List.of()));
            case NOT_YET -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                                          .body(problem(HttpStatus.SERVICE_UNAVAILABLE, type, refusal.message(),
                                                        List.of()));
        };
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException ex) {
        return respond(problem(HttpStatus.PRECONDITION_FAILED, "stale-version",
                               "The journey has changed since the version given in If-Match; read it again",
                               List.of()));
    }

    /** The command named a journey the event store has no events of. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownJourney(AggregateNotFoundException ex) {
        return respond(problem(HttpStatus.NOT_FOUND, RefusalKind.UNKNOWN.problemType(), UNKNOWN, List.of()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException ex) {
        return respond(problem(HttpStatus.CONFLICT, "concurrent-change",
                               "The journey was changed by someone else at the same moment; send the request again",
                               List.of()));
    }

    /** A header, path or parameter that Spring Security's firewall refuses, such as control characters. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
        return respond(problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields",
                               List.of(new FieldProblem("request", "has a header, path or parameter with characters"
                                                                   + " that are not allowed"))));
    }

    /** Tomcat could not decode the query string, such as a {@code %} not followed by two hex digits. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> undecodableQuery(InvalidParameterException ex) {
        return respond(problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields",
                               List.of(new FieldProblem("query", "must be validly percent-encoded UTF-8"))));
    }

    /**
     * A refusal (see {@link #refused}), however wrapped; else anything unforeseen: the operator gets the stack
     * trace, the client a reference-free generic answer. A database out of reach is not unforeseen: the client is
     * told to retry, and the log says only that.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        Optional<Refusal.Details> refusal = Refusal.in(ex);
        if (refusal.isPresent()) {
            return refused(refusal.get(), request);
        }
        if (DatabaseUnavailable.causedIt(ex)) {
            return unavailable(ex);
        }
        log.error("Request failed unexpectedly", ex);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                               "The request could not be completed; nothing was recorded by it", List.of()));
    }

    private ResponseEntity<ProblemDetail> unavailable(Exception ex) {
        log.warn("Request refused: the database is unreachable ({})", ex.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                             .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                             .body(DatabaseUnavailable.answer(ex));
    }

    /**
     * A refusal auditors see among the refusals: kept first, then answered. One that cannot be kept (the database
     * is away) is not given either; the client is told to try again, as for any request during an outage.
     */
    private ResponseEntity<ProblemDetail> recordedDenial(HttpServletRequest request, HttpStatus status,
                                                         ProblemDetail answer) {
        try {
            denials.record(request, status.value());
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedIt(e)) {
                return unavailable(e);
            }
            throw e;
        }
        return respond(answer);
    }

    private static FieldProblem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            // named by where it is and what is allowed there: the name the client invented is never echoed
            List<JacksonException.Reference> parent = unknown.getPath().subList(0, unknown.getPath().size() - 1);
            return new FieldProblem(parent.isEmpty() ? "body" : path(parent),
                                    "has a field that is not part of this request; its fields are "
                                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new FieldProblem(path(mismatch), expected(mismatch.getTargetType()));
        }
        if (cause instanceof StreamReadException) {
            return new FieldProblem("body", "is not well-formed JSON");
        }
        return new FieldProblem("body", "must be a JSON object");
    }

    private static java.util.stream.Stream<Throwable> causes(Throwable failure) {
        return java.util.stream.Stream.iterate(failure, java.util.Objects::nonNull,
                                               cause -> cause.getCause() == cause ? null : cause.getCause());
    }

    private static String path(JacksonException ex) {
        return path(ex.getPath());
    }

    private static String path(List<JacksonException.Reference> references) {
        return references.stream()
                 .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                                                                       : "[" + reference.getIndex() + "]")
                 .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (type == LocalDate.class) {
            return "must be a date written as YYYY-MM-DD";
        }
        if (type == java.time.Instant.class) {
            return "must be an instant written as 2026-01-12T09:30:00Z, in the years 0001 to 9999";
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        return "must be a " + type.getSimpleName();
    }

    private static String reason(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static ResponseEntity<Object> badRequest(List<FieldProblem> fields) {
        return ResponseEntity.badRequest()
                             .body(problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields",
                                           fields));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail, List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:homeward:problem:" + type));
        if (!fields.isEmpty()) {
            problem.setProperties(Map.of("errors", fields));
        }
        return problem;
    }
}
