-- Audit read model (query/audit): every refused request, without personal data.
create table audit_denial (
    denial_id             uuid primary key,
    denied_at             timestamptz not null,
    actor_id              text,
    actor_role            text,
    actor_organisation_id text,
    method                text        not null,
    path                  text        not null,
    status                int         not null
);

create index audit_denial_actor on audit_denial (actor_id, denied_at);
create index audit_denial_at on audit_denial (denied_at);
