-- Keys are forgotten after homeward.idempotency.keep-for; the purge finds old ones by age.
create index idempotency_key_recorded_at on idempotency_key (recorded_at);
