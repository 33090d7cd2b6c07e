-- Audit read model (query/audit): one entry per event, and one per read of a person's timeline.
create table audit_event (
    global_index          bigint primary key,
    event_identifier      text        not null,
    aggregate_identifier  text        not null,
    aggregate_type        text,
    sequence_number       bigint      not null,
    event_type            text        not null,
    recorded_at           timestamptz not null,
    actor_id              text,
    actor_role            text,
    actor_organisation_id text,
    correlation_id        text,
    causation_id          text,
    request_id            text,
    channel               text
);

create index audit_event_aggregate on audit_event (aggregate_identifier, global_index);
create index audit_event_actor on audit_event (actor_id, global_index);
create index audit_event_organisation on audit_event (actor_organisation_id, global_index);
create index audit_event_recorded on audit_event (recorded_at);

-- Written before the data is returned, in its own transaction: a read that cannot be recorded is refused.
create table audit_read (
    read_id               uuid primary key,
    journey_id            uuid        not null,
    actor_id              text,
    actor_role            text,
    actor_organisation_id text,
    read_at               timestamptz not null,
    what                  text        not null,
    purpose               text,
    request_id            text
);

create index audit_read_journey on audit_read (journey_id, read_at);
create index audit_read_actor on audit_read (actor_id, read_at);
