-- The audit trail keyed its entries by the tracking token's position, which for a gap-aware token is the highest
-- position seen, not the event's own: entries collided and were dropped. An entry is now the event's own: its
-- identifier and the position it has in the store. The trail is rebuilt from the events to recover what was lost.
delete from audit_event;
-- the audit processor's token is Axon's table, there wherever the application runs (not in the read side's own
-- tests, which migrate the read side's tables alone)
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'audit';
    end if;
end;
$$;
alter table audit_event drop constraint audit_event_pkey;
alter table audit_event add primary key (event_identifier);
create unique index audit_event_position on audit_event (global_index);
