-- Refusals of requests without a valid token, counted per route and minute instead of a row each: anyone on the
-- network can send them, and must not be able to fill the database. Kept no longer than signed-in refusals.
create table audit_denial_count (
    minute   timestamptz not null,
    method   text        not null,
    route    text        not null,
    status   int         not null,
    refusals bigint      not null,
    primary key (minute, method, route, status)
);
create index audit_denial_count_minute on audit_denial_count (minute);
