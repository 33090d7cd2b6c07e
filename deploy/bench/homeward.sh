# Sourced by the shell benches: starts the built application on one database of the local server (PGHOST, PGPORT,
# PGUSER), from a private copy of the jar in WORK, so a rebuild cannot pull the jar away mid-run.
#
#   copy_homeward WORK                      # once: WORK/homeward.jar
#   start_homeward WORK DB [--spring.args]  # sets APP (its pid) and PORT; signs local tokens with WORK/key
#   token_for WORK USER ROLE                # a local-mode token for a synthetic member of staff of org-bench
#   trap stop_homeward EXIT                 # stops APP, drops DB, removes WORK

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

copy_homeward() {
    cp "$BENCH_DIR/../target/homeward.jar" "$1/homeward.jar"
}

start_homeward() {
    local work=$1 db=$2; shift 2
    (cd "$work" && exec java -jar "$work/homeward.jar" \
          --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.datasource.username="$PGUSER" \
          --server.port=0 --management.server.port=0 --homeward.access.local-key-file="$work/key" "$@" \
          > "$work/app.log" 2>&1) &
    APP=$!
    PORT=""
    until [[ -n "$PORT" ]]; do
        kill -0 "$APP" 2>/dev/null || { cat "$work/app.log"; exit 1; }
        sleep 0.5
        # the API's port, from what the application says once it is ready
        PORT=$(grep -o 'the API at http://[^ ]*' "$work/app.log" | grep -o ':[0-9]*/' | tr -d ':/' || true)
    done
}

token_for() {
    (cd "$1" && java -jar "$1/homeward.jar" token --user "$2" --role "$3" --organisation org-bench --key-file "$1/key")
}

stop_homeward() {
    [[ -n "${APP:-}" ]] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
    [[ -n "${DB:-}" ]] && psql -d postgres -qc "drop database if exists $DB with (force)" >/dev/null
    rm -rf "$WORK"
}
