-- Each person's data key, sealed under the master key; kept apart from the events. Erasure sets it to null.
create table person_key (
    journey_id   uuid primary key,
    sealed_key   text,
    created_at   timestamptz not null,
    destroyed_at timestamptz
);
