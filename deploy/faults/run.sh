#!/usr/bin/env bash
# Homeward's fault suite (docs/faults.md): real Homeward processes on a private PostgreSQL cluster (its own data
# directory and port, run as the user postgres), crashed and cut off under load; one line per scenario, then
# "N passed, M failed". Exits non-zero if any scenario failed. Run as root (it starts PostgreSQL through runuser).
#
#   deploy/faults/run.sh                      # every scenario, about 11 minutes
#   deploy/faults/run.sh --short              # concurrent writers and late commits, quick: about a minute
#   deploy/faults/run.sh --only pg-kill-9,slow-clients
#   deploy/faults/run.sh --keep               # keep the work directory (logs, database) even when all pass
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

# package builds the jar the scenarios start and the test classes; nothing is installed into ~/.m2
./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
       -Dmdep.outputFile=target/faults.classpath
java -Xmx256m -cp "deploy/target/test-classes:deploy/target/classes:$(cat deploy/target/faults.classpath)" \
     org.homeward.app.faults.FaultSuite --jar deploy/target/homeward.jar "$@"
