package org.homeward.journey;

/**
 * Where a referral stands: requested, then accepted or declined, then in progress, then completed or closed
 * unmet; the referring side may revoke it while it is open.
 */
public enum ReferralState {
    REQUESTED,
    ACCEPTED,
    DECLINED,
    IN_PROGRESS,
    COMPLETED,
    CLOSED_UNMET,
    REVOKED;

    public boolean open() {
        return this == REQUESTED || this == ACCEPTED || this == IN_PROGRESS;
    }
}
