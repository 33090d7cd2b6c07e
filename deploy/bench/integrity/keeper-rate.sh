#!/usr/bin/env bash
# How fast the integrity keeper chains events: EVENTS synthetic rows are inserted in one bulk statement (stamped
# an hour ago, so they are settled at once) into a fresh database under a running application; the script times
# the chain head from its first move until it covers them all.
#
#   ./mvnw -q -B -o install -Dmaven.test.skip=true
#   deploy/bench/integrity/keeper-rate.sh              # EVENTS=100000 PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
#
# Payloads are ~600 bytes and metadata ~300 bytes of JSON under an unknown payload type, which the projections skip.
set -euo pipefail

EVENTS=${EVENTS:-100000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
DB=homeward_bench_integrity_$$
WORK=$(mktemp -d)

now() { date +%s.%N; }
sql() { psql -d "$DB" -qAtc "$1"; }

source "$ROOT/deploy/bench/homeward.sh"
trap stop_homeward EXIT
copy_homeward "$WORK"
JAR=$WORK/homeward.jar
psql -d postgres -qc "create database $DB" >/dev/null
start_homeward "$WORK" "$DB" --homeward.integrity.keeper-interval=1s

start=$(now)
sql "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                     payload_type, payload_revision, payload, meta_data)
     select gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Journey',
            to_char((now() - interval '1 hour') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),
            'org.homeward.bench.Filler', null,
            convert_to(json_build_object('filler', repeat(md5(g::text), 18))::text, 'UTF8'),
            convert_to(json_build_object('metadata', repeat(md5((-g)::text), 9))::text, 'UTF8')
     from generate_series(1, $EVENTS) g"
inserted=$(now)
newest=$(sql "select max(global_index) from domain_event_entry")

first_move=""
while :; do
    head=$(sql "select global_index from integrity_chain_head")
    [[ -z "$first_move" && "$head" -gt 0 ]] && first_move=$(now)
    [[ "$head" -ge "$newest" ]] && break
    sleep 0.1
done
done_at=$(now)

checkpoints=$(sql "select count(*) from integrity_checkpoint")
kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""   # the projections would still be busy with the bulk events
verify_start=$(now)
intact=$(java -cp "$JAR" -Dloader.main=org.homeward.app.integrity.VerifyCommand \
         org.springframework.boot.loader.launch.PropertiesLauncher verify \
         --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
         | grep -o '"intact" : [a-z]*')
verify_end=$(now)

awk -v n="$EVENTS" -v s="$start" -v i="$inserted" -v f="$first_move" -v d="$done_at" -v c="$checkpoints" \
    -v vs="$verify_start" -v ve="$verify_end" -v ok="$intact" 'BEGIN {
    printf "events                  %d\n", n
    printf "bulk insert             %.1f s (%.0f events/s)\n", i - s, n / (i - s)
    printf "chain caught up after   %.1f s from commit (includes up to 1 s keeper interval)\n", d - i
    printf "keeper rate             %.0f events/s (first head move to last)\n", n / (d - f)
    printf "checkpoints written     %d\n", c
    printf "verify (CLI, new JVM)   %.1f s including start-up, %s\n", ve - vs, ok
}'
