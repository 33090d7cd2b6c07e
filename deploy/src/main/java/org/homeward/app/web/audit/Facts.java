package org.homeward.app.web.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A recorded event's fields as a list to read: nested fields named by their path, such as {@code outcome.sector}.
 * Values stay as the API wrote them (masked free text reads {@code [masked]}).
 */
final class Facts {

    record Fact(String name, String value) {
    }

    private Facts() {
    }

    static List<Fact> of(Object fields) {
        List<Fact> facts = new ArrayList<>();
        add(facts, "", fields);
        return facts;
    }

    private static void add(List<Fact> facts, String path, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, inner) -> add(facts, path.isEmpty() ? String.valueOf(name) : path + "." + name,
                                             inner));
        } else if (value instanceof List<?> list && list.stream().anyMatch(item -> item instanceof Map)) {
            for (int i = 0; i < list.size(); i++) {
                add(facts, path + "[" + (i + 1) + "]", list.get(i));
            }
        } else if (value != null && !path.isEmpty()) {
            facts.add(new Fact(path, String.valueOf(value)));
        }
    }
}
