package org.homeward.journey;

/** What a survivor consents to, one purpose at a time, as Primero records consent. */
public enum ConsentPurpose {
    CASE_MANAGEMENT,
    PROGRAM_EVALUATION,
    /** sharing with one named partner organisation; each partner is a consent of its own */
    SHARING_WITH_PARTNER,
    RESEARCH
}
