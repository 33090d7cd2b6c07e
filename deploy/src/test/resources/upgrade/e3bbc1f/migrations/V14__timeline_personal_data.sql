-- Timeline read model: who the person is, sealed under their own key; purged when their data is erased.
alter table timeline_journey
    add column full_name            text,
    add column phone                text,
    add column email                text,
    add column date_of_birth        text,
    add column personal_data_erased boolean not null default false;
