package org.homeward.command.journey;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.homeward.event.Ignores;
import org.homeward.journey.CaseManagerAssigned;
import org.homeward.journey.JourneyEvent;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.JourneyTransferred;
import org.homeward.journey.ReferralAccepted;
import org.homeward.journey.ReferralClosedUnmet;
import org.homeward.journey.ReferralCompleted;
import org.homeward.journey.ReferralDeclined;
import org.homeward.journey.ReferralMade;
import org.homeward.journey.ReferralReceived;
import org.homeward.journey.ReferralRevoked;
import org.homeward.journey.ReferralStarted;
import org.homeward.journey.ReferralState;
import org.homeward.program.ProgramEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whose journey each is (organisation and case manager), and for each referral: on which journey, by and to which
 * organisation, where it stands and which journey of the partner received it — as the access rules need them
 * before a command.
 */
@Ignores(value = {JourneyEvent.class, ProgramEvent.class},
         why = "only opening, assignment and transfer change whose a journey is; only a referral's own steps and its"
               + " receipt change what is known of it")
@Component
@ProcessingGroup("journey-directory")
class JourneyDirectory {

    private static final Logger log = LoggerFactory.getLogger(JourneyDirectory.class);

    record Owner(String organisationId, String caseManagerId) {
    }

    /** @param receivedBy the partner's journey that received it; null until one did */
    record ReferralTo(UUID journeyId, String referringOrganisationId, String partnerOrganisationId,
                      ReferralState state, UUID receivedBy) {
    }

    private final JdbcTemplate jdbc;

    JourneyDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A journey missing from the directory is refused to everybody, its own staff too. At every start the directory
     * is checked against the journeys the store holds, and a lost row is restored from the journey's own events
     * (its latest organisation and case manager). Rows present are left alone: one being changed by a transfer
     * meanwhile is newer than anything read here.
     */
    @EventListener(ApplicationReadyEvent.class)
    void restoreLostRows() {
        long journeys = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?",
                                            Long.class, JourneyOpened.class.getName());
        long known = jdbc.queryForObject("select count(*) from journey_directory", Long.class);
        if (journeys == known) {
            return;
        }
        int restored = jdbc.update("""
                with owner_events as (
                    select aggregate_identifier::uuid as journey_id, sequence_number, payload_type,
                           convert_from(payload, 'UTF8')::jsonb as event
                    from domain_event_entry where payload_type in (?, ?, ?)
                ), organisations as (
                    select distinct on (journey_id) journey_id,
                           coalesce(event ->> 'toOrganisationId', event ->> 'organisationId') as organisation_id
                    from owner_events where payload_type <> ?
                    order by journey_id, sequence_number desc
                ), case_managers as (
                    select distinct on (journey_id) journey_id, event ->> 'caseManagerId' as case_manager_id
                    from owner_events
                    order by journey_id, sequence_number desc
                )
                insert into journey_directory (journey_id, organisation_id, case_manager_id)
                select journey_id, organisation_id, case_manager_id
                from organisations join case_managers using (journey_id)
                on conflict (journey_id) do nothing
                """, JourneyOpened.class.getName(), JourneyTransferred.class.getName(),
                CaseManagerAssigned.class.getName(), CaseManagerAssigned.class.getName());
        log.warn("Journey directory held {} of {} journeys; {} restored from the event store", known, journeys,
                 restored);
    }

    Optional<Owner> owner(UUID journeyId) {
        return jdbc.query("select organisation_id, case_manager_id from journey_directory where journey_id = ?",
                          (rs, row) -> new Owner(rs.getString(1), rs.getString(2)), journeyId).stream().findFirst();
    }

    Optional<ReferralTo> referral(UUID referralId) {
        return jdbc.query("select * from referral_directory where referral_id = ?",
                          (rs, row) -> new ReferralTo(rs.getObject("journey_id", UUID.class),
                                                      rs.getString("referring_organisation_id"),
                                                      rs.getString("partner_organisation_id"),
                                                      ReferralState.valueOf(rs.getString("state")),
                                                      rs.getObject("received_by_journey_id", UUID.class)),
                          referralId)
                   .stream().findFirst();
    }

    @EventHandler
    void on(JourneyOpened event) {
        jdbc.update("insert into journey_directory values (?, ?, ?) on conflict (journey_id) do nothing",
                    event.journeyId(), event.organisationId(), event.caseManagerId());
    }

    @EventHandler
    void on(ReferralMade event) {
        jdbc.update("""
                    insert into referral_directory (referral_id, journey_id, referring_organisation_id,
                        partner_organisation_id, state)
                    values (?, ?, ?, ?, ?) on conflict (referral_id) do nothing
                    """, event.referralId(), event.journeyId(), event.referringOrganisationId(),
                    event.partnerOrganisationId(), ReferralState.REQUESTED.name());
    }

    @EventHandler
    void on(ReferralAccepted event) {
        referralNow(event.referralId(), ReferralState.ACCEPTED);
    }

    @EventHandler
    void on(ReferralDeclined event) {
        referralNow(event.referralId(), ReferralState.DECLINED);
    }

    @EventHandler
    void on(ReferralStarted event) {
        referralNow(event.referralId(), ReferralState.IN_PROGRESS);
    }

    @EventHandler
    void on(ReferralCompleted event) {
        referralNow(event.referralId(), ReferralState.COMPLETED);
    }

    @EventHandler
    void on(ReferralClosedUnmet event) {
        referralNow(event.referralId(), ReferralState.CLOSED_UNMET);
    }

    @EventHandler
    void on(ReferralRevoked event) {
        referralNow(event.referralId(), ReferralState.REVOKED);
    }

    @EventHandler
    void on(ReferralReceived event) {
        if (event.referralId() != null) {
            jdbc.update("update referral_directory set received_by_journey_id = ? where referral_id = ?",
                        event.journeyId(), event.referralId());
        }
    }

    private void referralNow(UUID referralId, ReferralState state) {
        jdbc.update("update referral_directory set state = ? where referral_id = ?", state.name(), referralId);
    }

    @EventHandler
    void on(CaseManagerAssigned event) {
        jdbc.update("update journey_directory set case_manager_id = ? where journey_id = ?", event.caseManagerId(),
                    event.journeyId());
    }

    @EventHandler
    void on(JourneyTransferred event) {
        jdbc.update("update journey_directory set organisation_id = ?, case_manager_id = ? where journey_id = ?",
                    event.toOrganisationId(), event.caseManagerId(), event.journeyId());
    }
}
