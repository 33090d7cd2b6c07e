-- Referral figures for evaluators (issue 16 item 6, query/outcomes): the outcomes read model now keeps one row
-- per referral, counted under the same consent as the outcome figures (its journey's row in outcomes_journey).
-- The outcomes projection ignored referral events until now, so the read model is emptied and rebuilt from the
-- events, as V3006 did; outcome figures come back as they were once the projection has caught up.
delete from outcomes_milestone;
delete from outcomes_journey_program;
delete from outcomes_assessment;
delete from outcomes_follow_up;
delete from outcomes_journey;
delete from outcomes_program;
delete from outcomes_export_milestone;
-- the outcomes processor's token is Axon's table, there wherever the application runs (not in the read side's own
-- tests, which migrate the read side's tables alone)
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'outcomes';
    end if;
end;
$$;

-- A referral as figures read it: who was asked for which service, and the days it was made, accepted and
-- completed. No note, no reason, no override: nothing a figure needs.
create table outcomes_referral (
    journey_id              uuid not null,
    referral_id             uuid not null,
    partner_organisation_id text not null,
    service                 text not null,
    made_on                 date not null,
    -- a ReferralState name: where it stands now
    state                   text not null,
    accepted_on             date,
    completed_on            date,
    primary key (journey_id, referral_id)
);
