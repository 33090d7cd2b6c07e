-- Possible duplicates (issue 16, command/duplicates): each journey's keyed blind index of the person (HMAC-SHA256
-- of the normalised name and date of birth under a key kept outside the database), kept in the commands' own
-- transaction from the journey's events and deleted at erasure; never in an event. A journey without name or
-- date of birth has no row.
create table journey_identity_index (
    journey_id      uuid primary key,
    organisation_id text   not null,
    blind_key       bytea  not null,
    -- the order journeys were indexed in: the later one of a pair is the one the warning was raised for
    indexed         bigserial not null
);
create index journey_identity_index_by_key on journey_identity_index (blind_key, organisation_id);

-- pairs a supervisor decided, confirmed or dismissed, one row per journey and the other: never raised again
create table possible_duplicate_decision (
    journey_id       uuid not null,
    other_journey_id uuid not null,
    primary key (journey_id, other_journey_id)
);

-- the key the index was made under, as BlindIndex checks it: another key (a lost key file, or an installation
-- older than the index) and the index is made again from the events at start
create table journey_identity_index_key (
    check_value bytea not null
);
