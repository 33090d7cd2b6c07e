package org.homeward.access;

/** What a signed-in person may do, as DESIGN.md's "Access and privacy" describes each role. */
public enum Role {
    /** the journeys assigned to them in their organisation */
    CASE_MANAGER,
    /** all journeys of their organisation */
    SUPERVISOR,
    /** outcome figures only, never a person */
    EVALUATOR,
    /** the audit trail, personal data masked */
    AUDITOR,
    /** programs, rebuilds and verification, never survivors' personal data */
    ADMINISTRATOR
}
