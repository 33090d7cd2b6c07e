#!/usr/bin/env bash
# Homeward's benchmark: one run, one table, against a real PostgreSQL (the local one unless --server is given).
#
#   deploy/bench/run.sh            # full run, about 8 minutes; writes deploy/bench/results/latest.md
#   deploy/bench/run.sh --smoke    # every measurement, tiny, in about 20 seconds (the test suite runs this too)
#   deploy/bench/run.sh --server jdbc:postgresql://db.example:5432/     # user postgres, fresh databases per part
#
# The bench runs the application in its own JVM with the heap capped at 512 MB, the goal for a 1M-event rebuild.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

out=deploy/bench/results/latest.md
[[ " $* " == *" --smoke "* ]] && out=deploy/target/bench-smoke.md

./mvnw -q -B install -DskipTests
./mvnw -q -B -pl deploy dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
# BENCH_JAVA_OPTS adds JVM options, e.g. -XX:StartFlightRecording=filename=bench.jfr,settings=profile for a profile
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "deploy/target/test-classes:deploy/target/classes:$(cat deploy/target/bench.classpath)" \
     org.homeward.app.bench.Bench --out "$out" "$@"
echo "written to $out"
