-- Command side (command/journey): whose journey each is, for the access rules. Kept in the commands' own
-- transaction, so a transfer changes who may act on the journey at once.
create table journey_directory (
    journey_id      uuid primary key,
    organisation_id text not null,
    case_manager_id text not null
);
