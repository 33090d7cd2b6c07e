package org.homeward.command.journey;

import java.util.UUID;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.command.NotPermittedException;
import org.springframework.stereotype.Component;

/**
 * Who may record on which journey: a case manager on the journeys assigned to them in their organisation, a
 * supervisor on every journey of their organisation. Which roles may record at all is decided before, by the
 * endpoint rules; this decides for one journey.
 */
@Component
class JourneyAccess {

    private final JourneyDirectory directory;

    JourneyAccess(JourneyDirectory directory) {
        this.directory = directory;
    }

    /** @throws NotVisibleException as if the journey did not exist, so its existence is not revealed */
    void requireMayRecord(Caller caller, UUID journeyId) {
        boolean allowed = directory.owner(journeyId)
                                   .map(owner -> mayRecord(caller, owner.organisationId(), owner.caseManagerId()))
                                   .orElse(true);
        if (!allowed) {
            throw new NotVisibleException(journeyId);
        }
    }

    void requireMayOpen(Caller caller, String organisationId, String caseManagerId) {
        if (!mayRecord(caller, organisationId, caseManagerId)) {
            throw new NotPermittedException(caller.role() == Role.CASE_MANAGER
                    ? "A case manager opens journeys of their own organisation, assigned to themselves"
                    : "Journeys are opened in one's own organisation");
        }
    }

    private static boolean mayRecord(Caller caller, String organisationId, String caseManagerId) {
        if (!caller.organisationId().equals(organisationId)) {
            return false;
        }
        return caller.role() == Role.SUPERVISOR
               || caller.role() == Role.CASE_MANAGER && caller.userId().equals(caseManagerId);
    }
}
