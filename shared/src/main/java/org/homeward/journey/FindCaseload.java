package org.homeward.journey;

/**
 * The open journeys of one case manager, most urgent first, one page at a time.
 *
 * @param page 0 for the first page
 * @param size entries per page
 */
public record FindCaseload(String caseManagerId, int page, int size) {
}
