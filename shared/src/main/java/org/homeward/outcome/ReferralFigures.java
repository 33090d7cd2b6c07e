package org.homeward.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Referral figures, never a person: the referrals of journeys counted in outcome figures, all together, then per
 * service, then per partner organisation; any figure that could single out fewer than
 * {@code suppressionThreshold} journeys is withheld.
 *
 * @param from first day of the period asked (by the day referrals were made); null when no lower bound was asked
 * @param to   last day of the period asked; null when no upper bound was asked
 * @param rows the total row, then one row per service, then one per partner organisation, each present
 */
public record ReferralFigures(String organisationId, LocalDate from, LocalDate to, int suppressionThreshold,
                              List<ReferralGroup> rows) {

    /** The group of the total row; its breakdown too. */
    public static final String ALL = "all";

    /**
     * The figures of one group of referrals: all of them, one service's or one partner's. Not named Row: the
     * OpenAPI document names schemas by simple name, and outcome figures have their Row.
     *
     * @param breakdown  {@link #ALL}, {@code service} or {@code partner}
     * @param group      {@link #ALL}, a service such as LEGAL_AID, or a partner organisation's id
     * @param figures    made, accepted, completed, medianDaysToAcceptance, medianDaysToCompletion; null when
     *                   withheld or undefined
     * @param suppressed the names of the figures withheld to protect small groups
     */
    public record ReferralGroup(String breakdown, String group, Map<String, Number> figures, List<String> suppressed) {
    }
}
