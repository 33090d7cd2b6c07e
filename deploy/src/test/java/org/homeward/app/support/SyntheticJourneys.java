package org.homeward.app.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request bodies for synthetic journeys. Every value is invented; no test data is drawn from a real person.
 */
public final class SyntheticJourneys {

    public static final LocalDate INTAKE = LocalDate.of(2026, 1, 12);
    public static final String ORGANISATION = "org-test";

    private SyntheticJourneys() {
    }

    public static Map<String, Object> intake() {
        return intake(ORGANISATION, "cm-test");
    }

    public static Map<String, Object> intake(String organisationId, String caseManagerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationId", organisationId);
        body.put("caseManagerId", caseManagerId);
        body.put("intakeDate", INTAKE.toString());
        body.put("profile", Map.of("ageBand", "FROM_18_TO_24", "gender", "FEMALE", "nationality", "MD",
                                   "formOfExploitation", "SEXUAL"));
        body.put("consentGiven", java.util.List.of("CASE_MANAGEMENT", "PROGRAM_EVALUATION"));
        return body;
    }

    public static Map<String, Object> milestone(String type, LocalDate occurredOn, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("occurredOn", occurredOn.toString());
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }
}
