-- Command side (command/program): which programs a milestone may name. Kept in the program commands' transaction.
create table program_catalogue (
    program_id      uuid primary key,
    organisation_id text    not null,
    active          boolean not null
);
