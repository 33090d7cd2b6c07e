#!/usr/bin/env bash
# Write throughput through the API with the integrity keeper switched off, then on and chaining while the writes
# run (settle time 1 s, interval 1 s: its busiest setting). Each run has a fresh database and application.
#
#   ./mvnw -q -B -o install -Dmaven.test.skip=true
#   deploy/bench/integrity/write-overhead.sh           # SECONDS_=30 WARMUP=10 WORKERS=16 ROUNDS=2
set -euo pipefail

SECONDS_=${SECONDS_:-30}
WARMUP=${WARMUP:-10}
WORKERS=${WORKERS:-16}
ROUNDS=${ROUNDS:-2}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
source "$HERE/../homeward.sh"
copy_homeward "$WORK"

run() {
    local label=$1; shift
    local db=homeward_bench_writes_$$_$RANDOM
    psql -d postgres -qc "create database $db" >/dev/null
    start_homeward "$WORK" "$db" "$@"
    local app=$APP port=$PORT token
    token=$(token_for "$WORK" sv-bench SUPERVISOR)
    java "$HERE/WriteLoad.java" "http://localhost:$port" "$token" "$WARMUP" "$WORKERS" >/dev/null
    local rate
    rate=$(java "$HERE/WriteLoad.java" "http://localhost:$port" "$token" "$SECONDS_" "$WORKERS")
    printf '%-28s %s\n' "$label" "$rate"
    local chained
    chained=$(psql -d "$db" -qAtc "select global_index from integrity_chain_head")
    printf '%-28s chain head at %s of %s events\n' "" "$chained" \
           "$(psql -d "$db" -qAtc "select max(global_index) from domain_event_entry")"
    kill "$app"; wait "$app" 2>/dev/null || true
    psql -d postgres -qc "drop database $db with (force)" >/dev/null
}

for round in $(seq "$ROUNDS"); do
    run "keeper off (round $round)" --homeward.integrity.keeper-enabled=false
    run "keeper on (round $round)" --homeward.integrity.settle-time=1s --homeward.integrity.keeper-interval=1s
done
