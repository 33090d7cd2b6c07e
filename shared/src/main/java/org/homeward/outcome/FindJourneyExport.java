package org.homeward.outcome;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The de-identified export of journeys and their milestones, for evaluators and researchers.
 *
 * @param programId      only the journeys that took part in this program; null for all journeys
 * @param organisationId only the journeys this organisation holds now; null for all organisations
 * @param from           intakes from the first day of this date's month; null for the earliest
 * @param to             intakes up to the last day of this date's month; null for the latest
 */
public record FindJourneyExport(UUID programId, String organisationId, LocalDate from, LocalDate to) {
}
