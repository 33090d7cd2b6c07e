package org.homeward.app.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API answered a page: its status, headers and body as the API wrote them.
 *
 * @param headers case-insensitive names
 */
public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The journey version an answer's ETag names, or null. */
    public Long version() {
        String tag = header("ETag");
        return tag == null ? null : Long.parseLong(tag.replace("W/", "").replace("\"", ""));
    }

    /**
     * The problem the API answered, field by field.
     *
     * @param type   the last part of its type, such as {@code invalid-request}: the key of its text in the bundles
     * @param fields each refused field and the API's reason, in the API's order
     */
    public record Problem(int status, String type, String detail, Map<String, String> fields) {

        @SuppressWarnings("unchecked")
        static Problem of(int status, Object body) {
            Map<String, String> fields = new LinkedHashMap<>();
            String type = "unexpected";
            String detail = "";
            if (body instanceof Map<?, ?> map) {
                Object typeUri = map.get("type");
                if (typeUri instanceof String uri && uri.contains(":")) {
                    type = uri.substring(uri.lastIndexOf(':') + 1);
                }
                detail = map.get("detail") instanceof String text ? text : "";
                if (map.get("errors") instanceof List<?> errors) {
                    for (Object error : errors) {
                        Map<String, Object> field = (Map<String, Object>) error;
                        fields.putIfAbsent(String.valueOf(field.get("field")), String.valueOf(field.get("reason")));
                    }
                }
            }
            return new Problem(status, type, detail, fields);
        }
    }
}
