package org.homeward.command;

import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import org.homeward.request.InvalidRequestException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks every request body of the write side against its constraints as soon as it is read. Done here rather
 * than with {@code @Valid}, whose exception prints the rejected values, which may be what someone wrote about a
 * person, into the framework's debug log.
 */
@ControllerAdvice
class ValidatedRequestBodies extends RequestBodyAdviceAdapter {

    private final Validator validator;

    ValidatedRequestBodies(Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getParameterType().getPackageName().startsWith("org.homeward.command");
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        List<InvalidRequestException.Problem> problems = validator.validate(body).stream()
                .map(violation -> new InvalidRequestException.Problem(violation.getPropertyPath().toString(),
                                                                      violation.getMessage()))
                .sorted(Comparator.comparing(InvalidRequestException.Problem::field))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return body;
    }
}
