package org.homeward.outcome;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Outcome figures per intake cohort, for evaluators.
 *
 * @param programId      only the journeys that took part in this program; null for all journeys
 * @param organisationId only the journeys this organisation holds now; null for all organisations
 * @param from           the first cohort is the one holding this date; null for the earliest
 * @param to             the last cohort is the one holding this date; null for the latest
 * @param groupBy        also break each cohort down by this profile field; null for totals only
 */
public record FindOutcomes(UUID programId, String organisationId, CohortPeriod cohort, LocalDate from, LocalDate to,
                           Breakdown groupBy) {
}
