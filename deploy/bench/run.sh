#!/usr/bin/env bash
# Homeward's benchmark: one run, against a real PostgreSQL (the local one unless told otherwise).
# It creates a fresh database for each part (dropped afterwards), runs the application in this JVM, and prints the
# machine and one table of figures: record-milestone through HTTP and Axon's command gateway at 1, 16 and 64
# clients, raw single-row INSERTs of the same event rows, Axon's out-of-the-box processors under the same load,
# projection lag, timeline reads under writes, the same writes on the configured server with and without
# synchronous commit and on the embedded default, and rebuilds of each projection and of all five at once from
# 1,000,000 events against a raw ordered scan, with the heap they needed. Then the scale curve: one store grown to
# 100,000, 1,000,000 and 10,000,000 events, and at each size the keeper, a verification, rebuilds and one client's
# p99 for appends, timeline reads (now and as of an instant) and outcome queries, as a second table and two SVG
# charts beside the results. Synthetic journeys only, from fixed seeds.
#
#   deploy/bench/run.sh                 # full run, about 50 minutes; writes deploy/bench/results/latest.md and
#                                       # results/scale-latency.svg, scale-throughput.svg
#   deploy/bench/run.sh --smoke         # every measurement, tiny, in about 80 seconds (the test suite runs this)
#   deploy/bench/run.sh --only writes   # or durability, rebuild, scale: one part, to deploy/target/bench-part.md
#   BENCH_JAVA_OPTS="-Dbench.scale-journeys=1000,10000 -Dbench.rebuild-journeys=4000" deploy/bench/run.sh --only scale
#                                       # smaller stores, for trying a setting quickly
#   BENCH_SERVER=jdbc:postgresql://db.example:5432/ BENCH_USER=bench BENCH_PASSWORD=... deploy/bench/run.sh
#                                       # another server (default 127.0.0.1:5432, user postgres, no password);
#                                       # the user must be allowed to create databases
#   BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=bench.jfr,settings=profile" deploy/bench/run.sh  # a profile
#
# The JVM's heap is capped at 512 MB, the goal for a 1M-event rebuild and for the 10M one.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

out=deploy/bench/results/latest.md
[[ " $* " == *" --smoke "* ]] && out=deploy/target/bench-smoke.md
[[ " $* " == *" --only "* ]] && out=deploy/target/bench-part.md     # a part never replaces the whole run's file

./mvnw -q -B install -DskipTests
./mvnw -q -B -pl deploy dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
# BENCH_JAVA_OPTS adds JVM options, e.g. -XX:StartFlightRecording=filename=bench.jfr,settings=profile for a profile
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "deploy/target/test-classes:deploy/target/classes:$(cat deploy/target/bench.classpath)" \
     org.homeward.app.bench.Bench --out "$out" "$@"
echo "written to $out"
