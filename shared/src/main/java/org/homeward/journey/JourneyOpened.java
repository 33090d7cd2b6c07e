package org.homeward.journey;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * @param personalDetails who the person is, sealed; null when none were given
 * @param consentGiven    the purposes the person consented to at intake, given on the intake date
 * @param recordedBy   the staff member who recorded the intake
 */
public record JourneyOpened(UUID journeyId, String organisationId, String caseManagerId, LocalDate intakeDate,
                            Profile profile, PersonalDetails personalDetails, Set<ConsentPurpose> consentGiven,
                            String recordedBy) implements JourneyEvent {
}
