-- Command side: idempotency keys and the answer each one got, written in the command's own transaction.
create table idempotency_key (
    idempotency_key     text primary key,
    request_fingerprint text        not null,
    result              bytea,
    result_type         text,
    recorded_at         timestamptz not null
);
