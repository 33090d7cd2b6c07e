-- Program outcomes read model (query/outcomes). One row of facts per journey, recomputed from the journey's
-- standing milestones whenever one of them changes, so that evaluators' figures are aggregates over these rows.
-- Rebuilt from the event store at will; never the source of truth.
create table outcomes_journey (
    journey_id                 uuid    primary key,
    -- the organisation holding the journey now
    organisation_id            text    not null,
    intake_date                date    not null,
    age_band                   text    not null,
    gender                     text    not null,
    form_of_exploitation       text    not null,
    -- consent for program evaluation in force now; without it the journey counts in no figure
    evaluation_consent         boolean not null,
    -- the days on which the journey reaches 6 and 12 months after intake
    six_months_on              date    not null,
    twelve_months_on           date    not null,
    -- across all programs: COMPLETED, DROPPED_OUT or ACTIVE; null when the journey took part in none
    program_outcome            text,
    employed_at_6_months       boolean not null default false,
    employed_at_12_months      boolean not null default false,
    housed_at_6_months         boolean not null default false,
    housed_at_12_months        boolean not null default false,
    residence_regularised      boolean not null default false,
    -- days from intake to the first standing milestone of each kind; null while there is none
    days_to_first_counselling  int,
    days_to_shelter_exit       int,
    days_to_training_completed int,
    days_to_employment_started int,
    assessments                int     not null default 0,
    first_economic             smallint,
    first_social               smallint,
    first_psychosocial         smallint,
    latest_economic            smallint,
    latest_social              smallint,
    latest_psychosocial        smallint,
    -- follow-ups completed or marked missed, and those completed on or before their due date
    follow_ups_resolved        int     not null default 0,
    follow_ups_on_time         int     not null default 0,
    -- sequence number of the last event of the journey applied here; guards replays
    version                    bigint  not null
);

-- Every outcome query scans the consenting journeys of a range of intake dates.
create index outcomes_journey_cohort on outcomes_journey (intake_date) where evaluation_consent;

-- Standing milestones that some figure depends on; retracted ones are deleted.
create table outcomes_milestone (
    journey_id       uuid   not null references outcomes_journey on delete cascade,
    milestone_id     uuid   not null,
    type             text   not null,
    occurred_on      date   not null,
    program_id       uuid,
    primary key (journey_id, milestone_id)
);

-- A journey's standing in each program it took part in, derived from its standing milestones.
create table outcomes_journey_program (
    journey_id                 uuid not null references outcomes_journey on delete cascade,
    program_id                 uuid not null,
    -- COMPLETED, DROPPED_OUT or ACTIVE
    outcome                    text not null,
    days_to_training_completed int,
    primary key (journey_id, program_id)
);

create index outcomes_journey_program_program on outcomes_journey_program (program_id, journey_id);

create table outcomes_assessment (
    journey_id    uuid     not null references outcomes_journey on delete cascade,
    assessment_id uuid     not null,
    assessed_on   date     not null,
    version       bigint   not null,
    economic      smallint not null,
    social        smallint not null,
    psychosocial  smallint not null,
    primary key (journey_id, assessment_id)
);

-- Follow-ups still scheduled: one counts as due once its due date has passed; completed or missed ones are
-- deleted and counted on the journey.
create table outcomes_follow_up (
    journey_id   uuid not null references outcomes_journey on delete cascade,
    follow_up_id uuid not null,
    due_on       date not null,
    primary key (journey_id, follow_up_id)
);

create index outcomes_follow_up_due on outcomes_follow_up (due_on, journey_id);

-- Programs known to exist, so that a query naming an unknown one is answered 404 rather than with nothing.
create table outcomes_program (
    program_id uuid primary key
);
