package org.homeward.program;

/** @param organisationId only this organisation's programs; null for all */
public record FindPrograms(String organisationId, boolean includeRetired) {
}
