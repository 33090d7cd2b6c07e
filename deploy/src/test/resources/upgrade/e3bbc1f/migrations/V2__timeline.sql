-- Timeline read model (query/timeline). Rebuilt from the event store at will; never the source of truth.
create table timeline_journey (
    journey_id           uuid primary key,
    organisation_id      text   not null,
    case_manager_id      text   not null,
    intake_date          date   not null,
    age_band             text   not null,
    gender               text   not null,
    nationality          text   not null,
    form_of_exploitation text   not null,
    status               text   not null,
    closed_on            date,
    closure_reason       text,
    -- sequence number of the last event of the journey applied here; guards replays and serves minVersion
    version              bigint not null
);

create table timeline_milestone (
    journey_id        uuid    not null references timeline_journey on delete cascade,
    milestone_id      uuid    not null,
    type              text    not null,
    occurred_on       date    not null,
    note              text,
    recorded_version  bigint  not null,
    retracted         boolean not null default false,
    retraction_reason text,
    primary key (journey_id, milestone_id)
);

create table timeline_milestone_revision (
    journey_id        uuid   not null,
    milestone_id      uuid   not null,
    version           bigint not null,
    type              text   not null,
    occurred_on       date   not null,
    note              text,
    correction_reason text,
    primary key (journey_id, milestone_id, version),
    foreign key (journey_id, milestone_id) references timeline_milestone on delete cascade
);
