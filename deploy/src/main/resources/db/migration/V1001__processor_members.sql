-- Which processes run which event processor, as each process last said, so that they share its segments.
create table processor_member (
    processor_name varchar(255) not null,
    node_id        varchar(255) not null,
    seen_at        timestamptz  not null,
    primary key (processor_name, node_id)
);
