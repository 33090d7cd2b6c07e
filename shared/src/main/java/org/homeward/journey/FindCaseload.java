package org.homeward.journey;

/**
 * The open journeys of one case manager in one organisation, most urgent first, one page at a time.
 *
 * @param organisationId only journeys of this organisation: the reader's own
 * @param page           0 for the first page
 * @param size           entries per page
 */
public record FindCaseload(String caseManagerId, String organisationId, int page, int size) {
}
