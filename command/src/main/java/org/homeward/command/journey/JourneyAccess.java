package org.homeward.command.journey;

import java.util.UUID;
import org.homeward.access.Caller;
import org.homeward.command.InvalidFieldException;
import org.homeward.journey.ReferralState;
import org.homeward.refusal.NotVisibleException;
import org.springframework.stereotype.Component;

/**
 * The journey's recording rule ({@link Journey#mayRecord}) applied before a command is built, from the directory
 * of owners: nothing is sealed under a person's key for, or revealed to, a caller who may not record on the
 * journey. A journey the directory does not know is refused like one of another organisation.
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
                                   .map(owner -> Journey.mayRecord(caller, owner.organisationId(),
                                                                   owner.caseManagerId()))
                                   .orElse(false);
        if (!allowed) {
            throw new NotVisibleException(journeyId);
        }
    }

    /**
     * The journey a partner's step goes to, when the caller may record it: staff of the partner the referral was
     * made to ({@link Caller#staffOf}).
     *
     * @throws NotVisibleException as if the referral did not exist, for everybody else
     */
    UUID requireMayAnswer(Caller caller, UUID referralId) {
        return directory.referral(referralId)
                        .filter(referral -> caller.staffOf(referral.partnerOrganisationId()))
                        .map(JourneyDirectory.ReferralTo::journeyId)
                        .orElseThrow(() -> new NotVisibleException(referralId));
    }

    /**
     * The organisation that made a Homeward referral, when a journey of {@code receivingOrganisationId} may receive
     * it: made to that organisation, taken on by it (accepted, in progress or completed: not one it declined, nor
     * one revoked, above all by the person withdrawing their consent), and not yet received by another journey.
     *
     * @throws InvalidFieldException naming {@code referralId} otherwise, whether it exists or not
     */
    String referringOrganisation(UUID referralId, String receivingOrganisationId) {
        JourneyDirectory.ReferralTo referral = directory.referral(referralId)
                .filter(made -> made.partnerOrganisationId().equals(receivingOrganisationId))
                .orElseThrow(() -> new InvalidFieldException(
                        "referralId", "names no referral made to the journey's organisation"));
        boolean takenOn = referral.state() == ReferralState.ACCEPTED || referral.state() == ReferralState.IN_PROGRESS
                          || referral.state() == ReferralState.COMPLETED;
        if (!takenOn) {
            throw new InvalidFieldException("referralId", "names a referral that is " + referral.state()
                                                          + "; only one the organisation took on is received");
        }
        if (referral.receivedBy() != null) {
            throw new InvalidFieldException("referralId", "was received by a journey already");
        }
        return referral.referringOrganisationId();
    }

    /** The organisation of a journey the caller may record on. */
    String organisationOf(UUID journeyId) {
        return directory.owner(journeyId).map(JourneyDirectory.Owner::organisationId)
                        .orElseThrow(() -> new NotVisibleException(journeyId));
    }

    void requireMayOpen(Caller caller, String organisationId, String caseManagerId) {
        Journey.requireMayOpen(caller, organisationId, caseManagerId);
    }
}
