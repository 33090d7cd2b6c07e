-- The hash chain over the event store (org.homeward.app.integrity). One entry per global index from 1 up to the
-- head, in order: the hash of an event row as stored, or of an "absent" marker where the index was never used
-- (a rolled-back insert). Entries and checkpoints are only ever inserted; the head row is the one row that moves.
create table integrity_chain (
    global_index bigint  primary key,
    hash         bytea   not null check (length(hash) = 32),
    absent       boolean not null
);

-- The head at intervals, also written to the log, so that copies can be kept outside the database.
create table integrity_checkpoint (
    global_index    bigint      primary key,
    hash            bytea       not null check (length(hash) = 32),
    checkpointed_at timestamptz not null
);

-- Where the chain stands. Keepers lock this row, so only one extends the chain at a time.
create table integrity_chain_head (
    id               smallint    primary key check (id = 1),
    global_index     bigint      not null,
    hash             bytea       not null check (length(hash) = 32),
    checkpoint_index bigint      not null,
    checkpointed_at  timestamptz not null
);

insert into integrity_chain_head (id, global_index, hash, checkpoint_index, checkpointed_at)
values (1, 0, decode(repeat('00', 32), 'hex'), 0, now());

create function refuse_chain_change() returns trigger language plpgsql as $$
begin
    raise exception 'the integrity chain only grows: % on % refused', tg_op, tg_table_name;
end;
$$;

create trigger integrity_chain_append_only
    before update or delete on integrity_chain
    for each row execute function refuse_chain_change();

create trigger integrity_chain_no_truncate
    before truncate on integrity_chain
    for each statement execute function refuse_chain_change();

create trigger integrity_checkpoint_append_only
    before update or delete on integrity_checkpoint
    for each row execute function refuse_chain_change();

create trigger integrity_checkpoint_no_truncate
    before truncate on integrity_checkpoint
    for each statement execute function refuse_chain_change();

create trigger integrity_chain_head_kept
    before delete on integrity_chain_head
    for each row execute function refuse_chain_change();

create trigger integrity_chain_head_no_truncate
    before truncate on integrity_chain_head
    for each statement execute function refuse_chain_change();
