-- Every append tells the processes listening that there are new events (NewEventsListener), so that a process
-- other than the writer's applies them at once instead of at its next poll. One notification per committed
-- transaction whatever it appended: PostgreSQL folds identical notifications of one transaction into one, and
-- delivers them only when it commits, after the events are visible.
create function notify_new_events() returns trigger language plpgsql as $$
begin
    perform pg_notify('homeward_new_events', '');
    return null;
end;
$$;

create trigger domain_event_entry_notify
    after insert on domain_event_entry
    for each statement execute function notify_new_events();
