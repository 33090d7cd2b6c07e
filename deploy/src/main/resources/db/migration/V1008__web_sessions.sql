-- The web app's sessions (Spring Session JDBC's own schema under our table name), so that every process behind a
-- balancer serves a signed-in person and a restart signs no one out. Expired sessions are deleted by Spring
-- Session's own cleanup.
create table web_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index web_session_ix1 on web_session (session_id);
create index web_session_ix2 on web_session (expiry_time);
create index web_session_ix3 on web_session (principal_name);

create table web_session_attributes (
    session_primary_id char(36)     not null references web_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
