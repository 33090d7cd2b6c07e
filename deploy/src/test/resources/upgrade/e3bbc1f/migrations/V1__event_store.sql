-- Axon's event store and token store (JdbcEventStorageEngine, JdbcTokenStore), in snake_case.
-- Payloads and metadata are JSON bytes in bytea, never large objects. Rows are only ever inserted.
create table domain_event_entry (
    global_index         bigint generated always as identity (increment by 1 cache 1) primary key,
    event_identifier     varchar(255) not null unique,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    -- optimistic concurrency: two writers can never both append the same position of one journey
    unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    primary key (aggregate_identifier, sequence_number)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255) not null,
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- Events are facts: the store refuses to change or remove one, whoever asks.
create function refuse_event_change() returns trigger language plpgsql as $$
begin
    raise exception 'events are immutable: % on % refused', tg_op, tg_table_name;
end;
$$;

create trigger domain_event_entry_immutable
    before update or delete on domain_event_entry
    for each row execute function refuse_event_change();

create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function refuse_event_change();
