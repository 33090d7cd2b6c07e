-- A check value of each long-lived key, never the key: an HMAC of a fixed text under the key. At start the
-- configured key must give the same value, so a lost or swapped key stops the start instead of sealing new data
-- under a key the old data does not open.
create table key_check (
    key_name    text primary key,
    check_value text        not null,
    created_at  timestamptz not null
);
