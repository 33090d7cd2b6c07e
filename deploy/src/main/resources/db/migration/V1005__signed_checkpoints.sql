-- Integrity checkpoints signed with a key the database never sees (org.homeward.app.integrity.CheckpointKey).
-- Checkpoints taken before this stay unsigned: they still take part in verification as before, and the first
-- signed checkpoint covers every position below it, since each hash of the chain covers all before it.
alter table integrity_checkpoint add column signature bytea check (length(signature) = 64);

-- The keeper signs the head at its next round instead of waiting for the next event: -1 is "no signed checkpoint
-- at the head", below any position.
update integrity_chain_head set checkpoint_index = -1;
