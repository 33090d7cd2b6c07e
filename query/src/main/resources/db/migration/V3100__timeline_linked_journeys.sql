-- Possible duplicates (issue 16): the journeys a supervisor confirmed to be the same person's, on each of the two
-- timelines (query/timeline). Ids only. No journey was linked before, so nothing is rebuilt. V3100: clear of the
-- versions other work on the read side takes next.
create table timeline_linked_journey (
    journey_id        uuid   not null,
    linked_journey_id uuid   not null,
    version           bigint not null,
    confirmed_by      text   not null,
    primary key (journey_id, linked_journey_id)
);
