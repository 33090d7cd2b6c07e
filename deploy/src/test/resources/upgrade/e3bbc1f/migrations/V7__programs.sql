-- Programs read model (query/programs).
create table programs_program (
    program_id      uuid primary key,
    organisation_id text    not null,
    name            text    not null,
    kind            text    not null,
    capacity        int,
    active          boolean not null
);

create index programs_program_organisation on programs_program (organisation_id, name);
