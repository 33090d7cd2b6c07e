-- Fingerprints were plain SHA-256 of path and body, which anyone knowing a person's name and phone could
-- recompute and match: they are dropped now rather than kept for keep-for. A retry of a request from before
-- still records nothing twice (the ids derived from its key exist: 409).
delete from idempotency_key;

-- Which journey (or program) each key's command was for, so erasure can forget a person's requests.
alter table idempotency_key add column aggregate_id text;
create index idempotency_key_aggregate on idempotency_key (aggregate_id);
