-- Global positions in commit order, by construction.
--
-- An identity column hands out positions when a row is inserted, but transactions commit in any order: a reader
-- could see position 7 before position 5 commits, and Axon's JDBC engine decides from event timestamps and a
-- timeout how long to wait for 5 (Axon #4829), so a slow clock or a lagging processor skipped it for ever.
-- Here every statement that appends events first takes one transaction-scoped lock, released only once its
-- transaction has committed or rolled back. A statement-level BEFORE trigger fires before the row's identity is
-- drawn, so positions are drawn in commit order: whoever sees position n has seen every position below it that
-- will ever exist. A position missing below the highest one seen belongs to a rolled-back append and stays
-- missing. The price is that appends of different journeys commit one after another; a commit here is well under
-- a millisecond (deploy/bench).
create function append_in_commit_order() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('homeward.domain_event_entry.append'));
    return null;
end;
$$;

create trigger domain_event_entry_commit_order
    before insert on domain_event_entry
    for each statement execute function append_in_commit_order();
