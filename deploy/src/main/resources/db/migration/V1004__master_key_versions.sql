-- Versioned master keys. Each row is the check value of one master key (an HMAC of a fixed text under it, never
-- the key); the highest key_id is the current key. A rotation inserts its row in the same transaction as it
-- re-seals every living person key, so the row exists exactly when the re-sealing committed: after a crash, this
-- table says which key file is current.
create table master_key (
    key_id      integer primary key,
    check_value text        not null,
    created_at  timestamptz not null
);
-- the key checked until now was the one key file, master.key: key 1
insert into master_key (key_id, check_value, created_at)
select 1, check_value, created_at from key_check where key_name = 'master';
delete from key_check where key_name = 'master';

-- A column rather than a key id inside the sealed text: the rotation finds what to re-seal, and the trigger
-- below checks it, with plain SQL, and the sealed format stays the same for every field.
alter table person_key add column master_key_id integer not null default 1;
alter table person_key alter column master_key_id drop default;

-- A living person key is only ever sealed under the current master key. A process that has not yet seen another
-- process's rotation is refused here (and tries again with the new key) rather than sealing a person key under a
-- key file that is about to be destroyed. A rotation holds a share row exclusive lock on person_key until it
-- commits, so this sees its outcome. Erasure (sealed_key null) always passes.
create function person_key_under_current_master_key() returns trigger language plpgsql as $$
declare
    current_id integer := (select max(key_id) from master_key);
begin
    if new.sealed_key is not null and new.master_key_id is distinct from current_id then
        raise exception 'person key sealed under master key %, but % is current', new.master_key_id, current_id
            using errcode = 'HW001';
    end if;
    return new;
end
$$;
create trigger person_key_under_current_master_key
    before insert or update of sealed_key, master_key_id on person_key
    for each row execute function person_key_under_current_master_key();
