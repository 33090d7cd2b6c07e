package org.homeward.app.web.journeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.homeward.app.web.Answer;
import org.homeward.app.web.InProcessApi;
import org.springframework.stereotype.Component;

/**
 * The forms of every command, drawn from the API's own OpenAPI document: each request body's fields, their kinds
 * (a date, a choice among an enumeration's values, a number, text), which are required, and the path the form
 * posts to. A command the API gains gets its form here with nothing written by hand but the labels in the bundles;
 * and a form can never ask for a field the API does not take.
 */
@Component
public class CommandForms {

    /** Free text this long or longer gets a text area. */
    private static final int LONG_TEXT = 500;
    private static final Pattern PATH_ID = Pattern.compile("\\{(\\w+)}");

    public enum Kind { TEXT, TEXTAREA, DATE, NUMBER, CHOICE, YES_NO, CHOICES }

    /**
     * @param name     the field's path in the request body, dotted: {@code outcome.employmentSector}; also the
     *                 field name the API's problems use
     * @param leaf     its last part, the key of its label ({@code field.<leaf>})
     * @param enumName for a choice, the enumeration's name, the key of its values' labels
     *                 ({@code enum.<enumName>.<VALUE>})
     */
    public record Field(String name, String leaf, Kind kind, String enumName, List<String> options,
                        boolean required, Integer maxLength) {

        /** The input's id in the page. */
        public String id() {
            return "f-" + name.replace('.', '-');
        }
    }

    /**
     * @param operationId   the API's name for the command, also the form's name in the page's address
     * @param path          the API's path, with {@code {journeyId}} and the like still in it
     * @param pathIds       the ids in the path besides the journey's, given to the form in its address
     * @param takesVersion  whether the API takes {@code If-Match}: the form then carries the version it was drawn
     *                      from, and is refused once the journey changed
     */
    public record Form(String operationId, String path, List<String> pathIds, List<Field> fields,
                       boolean takesVersion) {

        public String pathWith(Map<String, String> ids) {
            Matcher id = PATH_ID.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (id.find()) {
                id.appendReplacement(filled, Matcher.quoteReplacement(ids.get(id.group(1))));
            }
            return id.appendTail(filled).toString();
        }
    }

    private final InProcessApi api;
    private volatile Map<String, Form> forms;

    CommandForms(InProcessApi api) {
        this.api = api;
    }

    /** The form of this command, or null where the API has no such command. */
    public Form form(String operationId, HttpServletRequest page, HttpServletResponse response) {
        return forms(page, response).get(operationId);
    }

    /** Every command's form, by operation id, in the API document's order. */
    public Map<String, Form> forms(HttpServletRequest page, HttpServletResponse response) {
        if (forms == null) {
            Answer document = api.get(page, response, "/v3/api-docs", null);
            if (!document.succeeded()) {
                throw new IllegalStateException("the API document answered " + document.status());
            }
            forms = read(document, api);
        }
        return forms;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Form> read(Answer document, InProcessApi api) {
        Map<String, Object> root = (Map<String, Object>) api.json(document);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) root.get("components"))
                .get("schemas");
        Map<String, Form> read = new LinkedHashMap<>();
        ((Map<String, Object>) root.get("paths")).forEach((path, operations) -> {
            Object post = ((Map<String, Object>) operations).get("post");
            if (!(post instanceof Map<?, ?> operation) || !(operation.get("requestBody") instanceof Map<?, ?> body)) {
                return;
            }
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) body.get("content"))
                    .get("application/json");
            if (content == null) {
                return;
            }
            List<Field> fields = new ArrayList<>();
            fieldsOf(schema((Map<String, Object>) content.get("schema"), schemas), "", true, schemas, fields);
            List<String> pathIds = new ArrayList<>();
            Matcher id = PATH_ID.matcher(path);
            while (id.find()) {
                if (!id.group(1).equals("journeyId")) {
                    pathIds.add(id.group(1));
                }
            }
            boolean takesVersion = operation.get("parameters") instanceof List<?> parameters
                                   && parameters.stream().anyMatch(p -> "If-Match".equals(((Map<?, ?>) p).get("name")));
            String operationId = (String) operation.get("operationId");
            read.put(operationId, new Form(operationId, path, List.copyOf(pathIds), List.copyOf(fields), takesVersion));
        });
        return Collections.unmodifiableMap(read);
    }

    @SuppressWarnings("unchecked")
    private static void fieldsOf(Map<String, Object> schema, String prefix, boolean parentRequired,
                                 Map<String, Object> schemas, List<Field> fields) {
        List<String> required = schema.get("required") instanceof List<?> names ? (List<String>) names : List.of();
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        properties.forEach((leaf, value) -> {
            Map<String, Object> property = (Map<String, Object>) value;
            String name = prefix + leaf;
            boolean isRequired = parentRequired && required.contains(leaf);
            String enumName = enumName(property, schemas);
            Map<String, Object> resolved = schema(property, schemas);
            if (enumName != null) {
                fields.add(new Field(name, leaf, Kind.CHOICE, enumName, options(enumName, schemas), isRequired, null));
            } else if ("object".equals(resolved.get("type")) || resolved.containsKey("properties")) {
                fieldsOf(resolved, name + ".", isRequired, schemas, fields);
            } else if ("array".equals(resolved.get("type"))) {
                String items = enumName((Map<String, Object>) resolved.get("items"), schemas);
                fields.add(new Field(name, leaf, Kind.CHOICES, items, options(items, schemas), false, null));
            } else {
                fields.add(new Field(name, leaf, kind(leaf, resolved), null, List.of(), isRequired,
                                     resolved.get("maxLength") instanceof Number max ? max.intValue() : null));
            }
        });
    }

    private static Kind kind(String leaf, Map<String, Object> property) {
        Object type = property.get("type");
        if ("integer".equals(type) || "number".equals(type)) {
            return Kind.NUMBER;
        }
        if ("boolean".equals(type)) {
            return Kind.YES_NO;
        }
        if ("date".equals(property.get("format"))) {
            return Kind.DATE;
        }
        boolean longText = property.get("maxLength") instanceof Number max && max.intValue() >= LONG_TEXT;
        return longText || Set.of("note", "detail").contains(leaf) ? Kind.TEXTAREA : Kind.TEXT;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(Map<String, Object> property, Map<String, Object> schemas) {
        Object ref = property.get("$ref");
        return ref == null ? property : (Map<String, Object>) schemas.get(((String) ref).substring(
                "#/components/schemas/".length()));
    }

    /** The enumeration's name where the property is one, else null. */
    private static String enumName(Map<String, Object> property, Map<String, Object> schemas) {
        Object ref = property == null ? null : property.get("$ref");
        if (ref == null) {
            return null;
        }
        String name = ((String) ref).substring("#/components/schemas/".length());
        return schema(property, schemas).containsKey("enum") ? name : null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> options(String enumName, Map<String, Object> schemas) {
        if (enumName == null) {
            return List.of();
        }
        return ((List<Object>) ((Map<String, Object>) schemas.get(enumName)).get("enum")).stream()
                .filter(value -> value != null).map(String::valueOf).toList();
    }
}
