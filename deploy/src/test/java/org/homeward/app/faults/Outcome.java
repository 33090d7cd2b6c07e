package org.homeward.app.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scenario's figures and the checks it failed; it passed when none failed. */
final class Outcome {

    final String name;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();

    Outcome(String name) {
        this.name = name;
    }

    Outcome figure(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    /** Records a failure unless the condition holds. */
    void expect(boolean condition, String failure) {
        if (!condition) {
            failures.add(failure);
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /** "name  k=v k=v  PASS", or FAIL followed by what failed. */
    String line() {
        StringBuilder line = new StringBuilder(String.format("%-22s", name));
        figures.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        line.append("  ").append(passed() ? "PASS" : "FAIL");
        failures.forEach(f -> line.append("\n    - ").append(f));
        return line.toString();
    }
}
