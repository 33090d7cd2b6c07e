package org.homeward.journey;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Revision 2 added {@code sharedDetails}; events stored before it are read with none (the upcaster in the
 * deployable carries them forward).
 *
 * @param sharedDetails for {@link ConsentPurpose#SHARING_WITH_PARTNER}: the contact details the person agreed the
 *                      partner may see; empty for every other purpose
 */
@Revision("2")
public record ConsentGiven(UUID journeyId, ConsentPurpose purpose, String partnerOrganisationId, LocalDate givenOn,
                           String recordedBy, Set<ContactDetail> sharedDetails) implements JourneyEvent {
}
