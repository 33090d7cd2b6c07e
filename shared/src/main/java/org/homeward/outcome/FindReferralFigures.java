package org.homeward.outcome;

import java.time.LocalDate;

/**
 * Referral figures per service and per partner organisation, for evaluators.
 *
 * @param organisationId only the referrals of journeys this organisation holds now; null for all organisations
 * @param from           referrals made on or after this day; null for the earliest
 * @param to             referrals made on or before this day; null for the latest
 */
public record FindReferralFigures(String organisationId, LocalDate from, LocalDate to) {
}
