package org.homeward.command;

import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.homeward.refusal.InvalidRequestException;
import org.homeward.refusal.Refusal;
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
        if (body == null) {
            // the JSON literal null: Spring refuses it as a missing body
            return null;
        }
        List<Refusal.Field> problems = new ArrayList<>();
        validator.validate(body).forEach(violation -> problems.add(new Refusal.Field(
                violation.getPropertyPath().toString(), violation.getMessage())));
        checkValues("", body, problems);
        problems.sort(Comparator.comparing(Refusal.Field::field));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return body;
    }

    /**
     * Limits every request holds to whatever its declared constraints: text without control characters (PostgreSQL
     * refuses NUL, and a projection must never meet an event it cannot store), dates in the years 0001 to 9999.
     */
    private static void checkValues(String path, Object value, List<Refusal.Field> problems) {
        if (value instanceof String text && hasControl(text)) {
            problems.add(new Refusal.Field(path, "must not contain control characters"));
        } else if (value instanceof LocalDate date && (date.getYear() < 1 || date.getYear() > 9999)) {
            problems.add(new Refusal.Field(path, "must be a date in the years 0001 to 9999"));
        } else if (value instanceof Collection<?> elements) {
            int index = 0;
            for (Object element : elements) {
                checkValues(path + "[" + index++ + "]", element, problems);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                checkValues(path.isEmpty() ? component.getName() : path + "." + component.getName(),
                            read(component, record), problems);
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a request record's own accessor", e);
        }
    }

    /** C0 controls and DEL; tab, line feed and carriage return are ordinary text. */
    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f);
    }
}
