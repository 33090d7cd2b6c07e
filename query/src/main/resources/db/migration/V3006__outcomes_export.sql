-- The de-identified export of journeys and milestones for evaluators and researchers (issue 16, query/outcomes).
-- The outcomes read model now also keeps what the export reads: each journey's nationality, whether its consent
-- for research is in force, whether the person's data was erased, and every standing milestone with its outcome
-- codes (never a note or a reason). Journeys opened before this release have no nationality here yet, so the
-- read model is emptied and rebuilt from the events, as V3000 did for the audit trail; outcome figures come back
-- as they were once the projection has caught up.
delete from outcomes_milestone;
delete from outcomes_journey_program;
delete from outcomes_assessment;
delete from outcomes_follow_up;
delete from outcomes_journey;
delete from outcomes_program;
-- the outcomes processor's token is Axon's table, there wherever the application runs (not in the read side's own
-- tests, which migrate the read side's tables alone)
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'outcomes';
    end if;
end;
$$;

alter table outcomes_journey
    -- ISO 3166-1 alpha-2, as recorded at intake
    add column nationality          text,
    -- consent for research in force now; the export holds only journeys with it and evaluation consent
    add column research_consent     boolean not null default false,
    -- the person asked to be forgotten: figures still count the journey, the export leaves it out
    add column personal_data_erased boolean not null default false;

-- Every standing milestone of a journey (retracted ones are deleted, corrected ones replaced), with its outcome
-- codes alone: no note and no drop-out reason, which are free text.
create table outcomes_export_milestone (
    journey_id        uuid not null,
    milestone_id      uuid not null,
    type              text not null,
    occurred_on       date not null,
    employment_sector text,
    regular_income    boolean,
    primary key (journey_id, milestone_id)
);
