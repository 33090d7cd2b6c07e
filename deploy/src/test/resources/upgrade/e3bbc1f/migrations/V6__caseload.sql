-- Caseload read model (query/caseload): each case manager's open journeys, most urgent first. Rebuilt from the
-- event store at will; never the source of truth.
create table caseload_journey (
    journey_id             uuid    primary key,
    organisation_id        text    not null,
    case_manager_id        text    not null,
    intake_date            date    not null,
    closed                 boolean not null default false,
    -- the standing milestone that happened last (ties: the one recorded last); null while none stands
    last_milestone_id      uuid,
    last_milestone_type    text,
    last_milestone_on      date,
    -- the scheduled follow-up due first (ties: the one scheduled first); null while none is scheduled
    next_follow_up_id      uuid,
    next_follow_up_due_on  date,
    next_follow_up_purpose text,
    -- sequence number of the last event of the journey applied here; guards replays
    version                bigint  not null
);

-- One case manager's page in urgency order, and its count, straight from the index. Ascending due date already
-- puts overdue follow-ups first, the longest overdue first, so the order does not depend on today's date.
create index caseload_journey_urgency
    on caseload_journey (case_manager_id, next_follow_up_due_on, intake_date, journey_id)
    where not closed;

-- standing milestones only: a retracted one is deleted
create table caseload_milestone (
    journey_id       uuid   not null references caseload_journey on delete cascade,
    milestone_id     uuid   not null,
    type             text   not null,
    occurred_on      date   not null,
    recorded_version bigint not null,
    primary key (journey_id, milestone_id)
);

-- follow-ups still scheduled only: a completed or missed one is deleted
create table caseload_follow_up (
    journey_id        uuid   not null references caseload_journey on delete cascade,
    follow_up_id      uuid   not null,
    due_on            date   not null,
    purpose           text   not null,
    scheduled_version bigint not null,
    primary key (journey_id, follow_up_id)
);
