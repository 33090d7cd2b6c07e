package org.homeward.journey;

/** What a risk flag warns of: codes, never free text (the detail, sealed, says the rest). */
public enum RiskKind {
    /** a threat to the person's safety */
    SAFETY_RISK,
    /** the trafficker or their associates made contact or are looking for the person */
    TRAFFICKER_CONTACT,
    MEDICAL_URGENCY,
    /** a child lives with the person: child protection rules apply */
    CHILD_IN_HOUSEHOLD,
    MENTAL_HEALTH_CRISIS,
    OTHER
}
