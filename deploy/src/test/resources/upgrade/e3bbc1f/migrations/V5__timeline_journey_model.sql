-- Timeline read model, second part: programs and outcomes of milestones, consent, who had the case,
-- follow-ups, assessments and every closing and reopening.
alter table timeline_milestone
    add column program_id        uuid,
    add column employment_sector text,
    add column regular_income    boolean,
    add column drop_out_reason   text;

alter table timeline_milestone_revision
    add column program_id        uuid,
    add column employment_sector text,
    add column regular_income    boolean,
    add column drop_out_reason   text;

create table timeline_consent (
    journey_id              uuid    not null references timeline_journey on delete cascade,
    purpose                 text    not null,
    -- '' when the purpose names no partner, so that the key stays a plain primary key
    partner_organisation_id text    not null,
    in_force                boolean not null,
    given_on                date    not null,
    withdrawn_on            date,
    recorded_by             text,
    primary key (journey_id, purpose, partner_organisation_id)
);

create table timeline_case_assignment (
    journey_id      uuid   not null references timeline_journey on delete cascade,
    version         bigint not null,
    kind            text   not null,
    organisation_id text   not null,
    case_manager_id text   not null,
    reason          text,
    primary key (journey_id, version)
);

create table timeline_follow_up (
    journey_id    uuid not null references timeline_journey on delete cascade,
    follow_up_id  uuid not null,
    due_on        date not null,
    purpose       text not null,
    status        text not null,
    completed_on  date,
    note          text,
    missed_reason text,
    primary key (journey_id, follow_up_id)
);

create table timeline_assessment (
    journey_id    uuid    not null references timeline_journey on delete cascade,
    assessment_id uuid    not null,
    version       bigint  not null,
    assessed_on   date    not null,
    assessor_id   text    not null,
    economic      int     not null,
    social        int     not null,
    psychosocial  int     not null,
    baseline      boolean not null,
    primary key (journey_id, assessment_id)
);

create table timeline_status_change (
    journey_id uuid   not null references timeline_journey on delete cascade,
    version    bigint not null,
    status     text   not null,
    changed_on date   not null,
    reason     text   not null,
    note       text,
    primary key (journey_id, version)
);
