package org.homeward.audit;

/**
 * Why a member of staff reads a person's data, as the read audit keeps it: a code from a fixed list, never free
 * text, so that the audit of reads can never be where a name survives the person's erasure.
 */
public enum ReadPurpose {
    /** day-to-day work on the journey */
    CASE_WORK,
    /** a supervisor reviewing the caseload */
    SUPERVISION,
    /** preparing or answering a referral to a partner */
    REFERRAL,
    /** preparing a follow-up or assessment */
    FOLLOW_UP,
    /** the person asked what is held about them */
    PERSON_REQUEST,
    /** a request from a court or authority */
    LEGAL_REQUEST,
    /** checking what was recorded, for the audit */
    AUDIT,
    OTHER
}
