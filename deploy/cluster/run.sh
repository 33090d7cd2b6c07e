#!/usr/bin/env bash
# A Homeward cluster on this one machine (docs/faults.md, "The cluster run"): a PostgreSQL primary with a
# synchronous streaming replica, two command and two query processes, HAProxy in front. It drives case managers,
# an evaluator and an auditor through the balancer, kills one command and one query process mid-load, prints what
# happened (requests, status counts, acknowledged writes lost on the primary and on the replica, how long until the
# dead process's segments were taken over, lag) and stops everything it started. Exits non-zero if a check failed.
# Run as root: PostgreSQL is started through runuser as the user postgres.
#
#   deploy/cluster/run.sh            # 90 s of load, about 4 minutes in all
#   deploy/cluster/run.sh --short    # 30 s of load
#   deploy/cluster/run.sh --keep     # keep the work directory (logs, haproxy.cfg, databases)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

# Debian's packages: PostgreSQL (server, pg_basebackup) and HAProxy, when missing
missing=()
ls /usr/lib/postgresql/*/bin/pg_basebackup >/dev/null 2>&1 || missing+=(postgresql)
command -v haproxy >/dev/null || missing+=(haproxy)
if ((${#missing[@]})); then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
       -Dmdep.outputFile=target/faults.classpath
java -Xmx256m -cp "deploy/target/test-classes:deploy/target/classes:$(cat deploy/target/faults.classpath)" \
     org.homeward.app.faults.ClusterRun --jar deploy/target/homeward.jar "$@"
