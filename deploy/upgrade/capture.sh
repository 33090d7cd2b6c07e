#!/usr/bin/env bash
# Captures what a release leaves in its database, for UpgradeTest (docs/upgrades.md). Run once per release, from
# the repository, with that release built in a worktree of its own:
#
#   git worktree add /tmp/wt-REL REL && (cd /tmp/wt-REL && ./mvnw -o -q -B package -DskipTests)
#   deploy/upgrade/capture.sh REL /tmp/wt-REL/deploy/target/homeward.jar
#
# (e3bbc1f was built offline with axon-server-connector and xstream excluded in command/ and query/pom.xml, as
# later releases exclude them: they were not in the local repository, and with axon.axonserver.enabled=false
# nothing uses them. That edit stays in the throwaway worktree.)
#
# It starts that release's jar on a fresh database of the PostgreSQL on 127.0.0.1:5432, tells a story of synthetic
# journeys through its HTTP API, asks every read model what it answers, stops the release (its processors release
# their claims) and writes under deploy/src/test/resources/upgrade/REL/:
#   migrations/       the release's migrations, verbatim (git show REL:...)
#   history.tsv       version and checksum of each migration as the release's Flyway recorded them
#   master-key.b64    the synthetic master key the release created (sealed person keys open only under it)
#   events.jsonl      domain_event_entry exactly as stored; payload and metadata as the UTF-8 text they are
#   tables/*.tsv      every other table (COPY text format), projections, tokens, chain and checkpoints included
#   expected/*.json   the release's answers; story.json names the journeys, programs and staff
# Synthetic data only: codes for staff and organisations, made-up names.
set -euo pipefail
REL=${1:?release commit}
JAR=${2:?the release built: path of its homeward.jar}
ROOT=$(git rev-parse --show-toplevel)
OUT=$ROOT/deploy/src/test/resources/upgrade/$REL
PORT=${PORT:-18480}
DB=homeward_capture_$$
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
WORK=$(mktemp -d)
chmod 700 "$WORK"
mkdir -m 700 "$WORK/keys"
rm -rf "$OUT" && mkdir -p "$OUT/migrations" "$OUT/tables" "$OUT/expected"

"${PSQL[@]}" -d postgres -c "create database $DB"
APP=
cleanup() {
    [[ -n $APP ]] && kill "$APP" 2>/dev/null || true
    "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# the migrations, verbatim
git -C "$ROOT" ls-tree -r --name-only "$REL" | grep '/src/main/resources/db/migration/' | while read -r path; do
    git -C "$ROOT" show "$REL:$path" > "$OUT/migrations/$(basename "$path")"
done

SETTINGS=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres
          --server.port=$PORT --homeward.privacy.master-key-file=$WORK/keys/master.key
          --homeward.access.local-key-file=$WORK/keys/signing.key
          # the test asks with the same k; 3 shows some figures of this small story and withholds others
          --homeward.outcomes.suppression-threshold=3
          # chained and checkpointed within seconds, so the capture holds a chain with checkpoints and a tail
          # the release had not chained yet when it stopped
          --homeward.integrity.keeper-interval=1s --homeward.integrity.settle-time=15s
          --homeward.integrity.checkpoint-interval=3s --spring.main.banner-mode=off)
java -jar "$JAR" "${SETTINGS[@]}" > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 120); do curl -s -o /dev/null "localhost:$PORT/api/v1/milestone-types" && break; sleep 1; done

token() { java -jar "$JAR" token --user "$1" --role "$2" --organisation "$3" --key-file "$WORK/keys/signing.key"; }
SV=$(token sv-north SUPERVISOR org-north)
SVS=$(token sv-south SUPERVISOR org-south)
CM=$(token cm-017 CASE_MANAGER org-north)
OTHER=$(token cm-900 CASE_MANAGER org-east)
ADMIN=$(token admin-north ADMINISTRATOR org-north)
AUDITOR=$(token au-001 AUDITOR org-north)
EVAL=$(token ev-001 EVALUATOR org-north)

# post TOKEN PATH BODY -> prints the answer; fails unless 2xx
post() {
    local answer status
    answer=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $1" -H 'content-type: application/json' \
                  -XPOST "localhost:$PORT$2" -d "$3")
    status=${answer##*$'\n'}
    [[ $status == 2* ]] || { echo "POST $2 -> $status: ${answer%$'\n'*}" >&2; exit 1; }
    printf '%s' "${answer%$'\n'*}"
}
get() { curl -s -f -H "Authorization: Bearer $1" "localhost:$PORT$2"; }

# programs
BAKERY=$(post "$ADMIN" /api/v1/programs '{"organisationId":"org-north","name":"Bakery apprenticeship","kind":"VOCATIONAL_TRAINING","capacity":12}' | jq -r .programId)
SEWING=$(post "$ADMIN" /api/v1/programs '{"organisationId":"org-north","name":"Sewing cooperative","kind":"LIVELIHOOD","capacity":8}' | jq -r .programId)
OLDSHELTER=$(post "$ADMIN" /api/v1/programs '{"organisationId":"org-north","name":"Night shelter","kind":"SHELTER"}' | jq -r .programId)
post "$ADMIN" "/api/v1/programs/$SEWING/changes" '{"name":"Sewing and tailoring cooperative","kind":"LIVELIHOOD","capacity":10}' >/dev/null
post "$ADMIN" "/api/v1/programs/$OLDSHELTER/retirement" '{"reason":"merged into housing"}' >/dev/null

open() { # org cm intake ageBand gender nationality form name
    post "$SV" /api/v1/journeys "{\"organisationId\":\"$1\",\"caseManagerId\":\"$2\",\"intakeDate\":\"$3\",
      \"profile\":{\"ageBand\":\"$4\",\"gender\":\"$5\",\"nationality\":\"$6\",\"formOfExploitation\":\"$7\"},
      \"person\":{\"fullName\":\"$8\",\"phone\":\"+000 555 01$RANDOM\",\"dateOfBirth\":\"1999-04-0$(( ${#8} % 9 + 1 ))\"},
      \"consentGiven\":[\"CASE_MANAGEMENT\",\"PROGRAM_EVALUATION\"]}" | jq -r .journeyId
}
milestone() { post "$SV" "/api/v1/journeys/$1/milestones" "$2" | jq -r '.milestoneId // empty'; }

# a cohort of 2024 intakes in org-north: enrolled in the bakery, most complete, some employed, some drop out
GENDERS=(FEMALE FEMALE MALE FEMALE OTHER FEMALE MALE FEMALE FEMALE MALE)
COHORT=()
for i in $(seq 0 9); do
    month=$(printf '%02d' $((i % 6 + 1)))
    j=$(open org-north cm-017 "2024-$month-10" FROM_18_TO_24 "${GENDERS[$i]}" MD SEXUAL "Test Person $i")
    COHORT+=("$j")
    milestone "$j" "{\"type\":\"SHELTER_ENTERED\",\"occurredOn\":\"2024-$month-11\"}" >/dev/null
    milestone "$j" "{\"type\":\"TRAINING_ENROLLED\",\"occurredOn\":\"2024-$month-20\",\"programId\":\"$BAKERY\"}" >/dev/null
    if (( i % 4 == 3 )); then
        milestone "$j" "{\"type\":\"TRAINING_DROPPED_OUT\",\"occurredOn\":\"2024-09-0$((i % 9 + 1))\",\"programId\":\"$BAKERY\",\"outcome\":{\"dropOutReason\":\"moved to another city\"}}" >/dev/null
    else
        milestone "$j" "{\"type\":\"TRAINING_COMPLETED\",\"occurredOn\":\"2024-10-1$((i % 9))\",\"programId\":\"$BAKERY\"}" >/dev/null
        if (( i % 2 == 0 )); then
            milestone "$j" "{\"type\":\"EMPLOYMENT_STARTED\",\"occurredOn\":\"2024-11-0$((i % 9 + 1))\",\"outcome\":{\"employmentSector\":\"HOSPITALITY_AND_FOOD\",\"regularIncome\":true}}" >/dev/null
        fi
    fi
done

# one journey with everything: corrections, retraction, consents, assignment, follow-ups, assessments, closure,
# reopening
A=$(open org-north cm-017 2024-03-04 FROM_25_TO_34 FEMALE UA FORCED_LABOUR "Alpha Sample")
M1=$(milestone "$A" '{"type":"SHELTER_ENTERED","occurredOn":"2024-03-05","note":"arrived with a sister"}')
M2=$(milestone "$A" '{"type":"MEDICAL_CHECKUP_DONE","occurredOn":"2024-03-06"}')
M3=$(milestone "$A" "{\"type\":\"TRAINING_ENROLLED\",\"occurredOn\":\"2024-04-01\",\"programId\":\"$SEWING\"}")
post "$SV" "/api/v1/journeys/$A/milestones/$M1/corrections" '{"type":"SHELTER_ENTERED","occurredOn":"2024-03-04","note":"arrived with a sister","reason":"date mistyped"}' >/dev/null
post "$SV" "/api/v1/journeys/$A/milestones/$M2/retraction" '{"reason":"recorded on the wrong journey"}' >/dev/null
post "$SV" "/api/v1/journeys/$A/consents" '{"purpose":"SHARING_WITH_PARTNER","partnerOrganisationId":"org-legal-clinic","decidedOn":"2024-03-10"}' >/dev/null
post "$SV" "/api/v1/journeys/$A/consents" '{"purpose":"RESEARCH","decidedOn":"2024-03-11"}' >/dev/null
post "$SV" "/api/v1/journeys/$A/consent-withdrawals" '{"purpose":"RESEARCH","decidedOn":"2024-05-01"}' >/dev/null
post "$SV" "/api/v1/journeys/$A/assignment" '{"caseManagerId":"cm-020","reason":"leave"}' >/dev/null
F1=$(post "$SV" "/api/v1/journeys/$A/follow-ups" '{"dueOn":"2024-06-01","purpose":"HOME_VISIT"}' | jq -r .followUpId)
F2=$(post "$SV" "/api/v1/journeys/$A/follow-ups" '{"dueOn":"2024-07-01","purpose":"PHONE_CHECK_IN"}' | jq -r .followUpId)
post "$SV" "/api/v1/journeys/$A/follow-ups" '{"dueOn":"2025-02-01","purpose":"SERVICE_REVIEW"}' >/dev/null
post "$SV" "/api/v1/journeys/$A/follow-ups/$F1/completion" '{"completedOn":"2024-06-02","note":"all well"}' >/dev/null
post "$SV" "/api/v1/journeys/$A/follow-ups/$F2/missed" '{"reason":"not at home"}' >/dev/null
post "$SV" "/api/v1/journeys/$A/assessments" '{"assessedOn":"2024-03-20","assessorId":"cm-017","scores":{"economic":2,"social":3,"psychosocial":2}}' >/dev/null
post "$SV" "/api/v1/journeys/$A/assessments" '{"assessedOn":"2024-09-20","assessorId":"cm-020","scores":{"economic":3,"social":4,"psychosocial":3}}' >/dev/null
milestone "$A" "{\"type\":\"TRAINING_COMPLETED\",\"occurredOn\":\"2024-08-30\",\"programId\":\"$SEWING\"}" >/dev/null
milestone "$A" '{"type":"BUSINESS_STARTED","occurredOn":"2024-10-01","outcome":{"employmentSector":"RETAIL_AND_TRADE","regularIncome":true}}' >/dev/null
post "$SV" "/api/v1/journeys/$A/closure" '{"reason":"REINTEGRATED","closedOn":"2024-12-15","note":"own stall at the market"}' >/dev/null
sleep 1; ASOF=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ); sleep 1 # the timeline as known before the reopening
post "$SV" "/api/v1/journeys/$A/reopening" '{"reopenedOn":"2025-01-20","reason":"new risk reported"}' >/dev/null

# transferred to another organisation
T=$(open org-north cm-017 2024-05-02 UNDER_18 MALE AL FORCED_CRIMINALITY "Tango Example")
milestone "$T" '{"type":"IDENTITY_DOCUMENTS_OBTAINED","occurredOn":"2024-05-20"}' >/dev/null
post "$SV" "/api/v1/journeys/$T/transfer" '{"organisationId":"org-south","caseManagerId":"cm-101","reason":"moved south"}' >/dev/null
post "$SVS" "/api/v1/journeys/$T/follow-ups" '{"dueOn":"2024-08-01","purpose":"OFFICE_MEETING"}' >/dev/null

# closed for good
C=$(open org-north cm-017 2024-02-02 FROM_35_TO_44 FEMALE NG DOMESTIC_SERVITUDE "Charlie Placeholder")
milestone "$C" '{"type":"RETURNED_TO_COUNTRY_OF_ORIGIN","occurredOn":"2024-06-06"}' >/dev/null
post "$SV" "/api/v1/journeys/$C/closure" '{"reason":"MOVED_AWAY","closedOn":"2024-06-30"}' >/dev/null

# erased: the person asked to be forgotten
E=$(open org-north cm-017 2024-04-04 FROM_45_TO_59 MALE RO FORCED_BEGGING "Echo Erasable")
milestone "$E" '{"type":"COUNSELLING_STARTED","occurredOn":"2024-04-10","note":"weekly sessions"}' >/dev/null
post "$SV" "/api/v1/journeys/$E/erasure" '{"requestedOn":"2024-07-07"}' >/dev/null

# a request with an Idempotency-Key, so the release keeps a fingerprint (the next release's V2000 drops them)
curl -s -f -o /dev/null -H "Authorization: Bearer $SV" -H 'content-type: application/json' \
     -H 'Idempotency-Key: 2f0e7c1a-upgrade-capture-0001' -XPOST "localhost:$PORT/api/v1/journeys/${COHORT[3]}/follow-ups" \
     -d '{"dueOn":"2024-12-01","purpose":"PHONE_CHECK_IN"}'

# reads: with a purpose code, and with free text (which V3001 of the next release drops), and refusals
get "$SV" "/api/v1/journeys/$A/timeline?purpose=SUPERVISION" >/dev/null
get "$CM" "/api/v1/journeys/${COHORT[0]}/timeline?purpose=monthly%20review" >/dev/null
curl -s -o /dev/null -H "Authorization: Bearer $OTHER" "localhost:$PORT/api/v1/journeys/$A/timeline"
curl -s -o /dev/null -H "Authorization: Bearer $EVAL" "localhost:$PORT/api/v1/caseloads/cm-017"

# the chain catches up with everything so far (settle time 15 s); what follows stays unchained when it stops
for _ in $(seq 90); do
    head=$("${PSQL[@]}" -d "$DB" -Atc "select global_index from integrity_chain_head")
    newest=$("${PSQL[@]}" -d "$DB" -Atc "select max(global_index) from domain_event_entry")
    [[ $head == "$newest" ]] && break
    sleep 1
done
[[ $head == "$newest" ]] || { echo "the release's chain did not catch up" >&2; exit 1; }
sleep 4 # a checkpoint at the head
milestone "${COHORT[1]}" '{"type":"HOUSING_SECURED","occurredOn":"2025-03-03"}' >/dev/null
post "$SV" "/api/v1/journeys/${COHORT[2]}/follow-ups" '{"dueOn":"2025-04-04","purpose":"HOME_VISIT"}' >/dev/null

# the release's answers, once its projections have every event
sleep 3
E_=$OUT/expected
get "$ADMIN" /api/v1/admin/projections > "$E_/projections.json"
for j in "${COHORT[@]}" "$A" "$C" "$E"; do
    get "$SV" "/api/v1/journeys/$j/timeline?purpose=AUDIT" > "$E_/timeline-$j.json"
    get "$SV" "/api/v1/journeys/$j/history" > "$E_/history-$j.json"
done
get "$SVS" "/api/v1/journeys/$T/timeline?purpose=AUDIT" > "$E_/timeline-$T.json"
get "$SVS" "/api/v1/journeys/$T/history" > "$E_/history-$T.json"
get "$SV" "/api/v1/journeys/$A/timeline?asOf=$ASOF" > "$E_/timeline-asof-$A.json"
get "$SV" "/api/v1/caseloads/cm-017?size=100" > "$E_/caseload-org-north-cm-017.json"
get "$SV" "/api/v1/caseloads/cm-020?size=100" > "$E_/caseload-org-north-cm-020.json"
get "$SVS" "/api/v1/caseloads/cm-101?size=100" > "$E_/caseload-org-south-cm-101.json"
get "$SV" "/api/v1/programs?organisationId=org-north" > "$E_/programs-org-north.json"
get "$SV" "/api/v1/programs?organisationId=org-north&includeRetired=true" > "$E_/programs-org-north-retired.json"
get "$EVAL" "/api/v1/outcomes?cohort=year" > "$E_/outcomes-year.json"
get "$EVAL" "/api/v1/outcomes?cohort=quarter&groupBy=gender" > "$E_/outcomes-quarter-gender.json"
get "$EVAL" "/api/v1/outcomes?program=$BAKERY&from=2024-01-01&to=2024-12-31" > "$E_/outcomes-bakery.json"
get "$EVAL" "/api/v1/outcomes?program=$SEWING" > "$E_/outcomes-sewing.json"
get "$AUDITOR" "/api/v1/audit/events?order=oldest&size=500" > "$E_/audit-events.json"
get "$AUDITOR" "/api/v1/audit/reads?size=500" > "$E_/audit-reads.json"
get "$AUDITOR" "/api/v1/audit/denials?size=500" > "$E_/audit-denials.json"
post "$AUDITOR" /api/v1/audit/verify '' > "$E_/verify.json"
jq -n --arg bakery "$BAKERY" --arg sewing "$SEWING" --arg shelter "$OLDSHELTER" --arg a "$A" --arg t "$T" \
      --arg c "$C" --arg e "$E" --arg asof "$ASOF" --arg m1 "$M1" --arg m3 "$M3" --argjson cohort "$(printf '%s\n' "${COHORT[@]}" | jq -R . | jq -s .)" \
      '{release: "'"$REL"'", programs: {bakery: $bakery, sewing: $sewing, retiredShelter: $shelter},
        journeys: {everything: $a, transferred: $t, closed: $c, erased: $e, cohort: $cohort},
        asOf: $asof, milestones: {corrected: $m1, sewingEnrolled: $m3}}' > "$E_/story.json"

# stop the release as an operator would; its processors release their claims
kill -TERM "$APP"; wait "$APP" || true; APP=

"${PSQL[@]}" -d "$DB" -Atc "select version, checksum from flyway_schema_history where version is not null order by installed_rank" > "$OUT/history.tsv"
"${PSQL[@]}" -d "$DB" -Atc "select json_build_object('global_index', global_index, 'event_identifier', event_identifier, 'aggregate_identifier', aggregate_identifier, 'sequence_number', sequence_number, 'type', type, 'time_stamp', time_stamp, 'payload_type', payload_type, 'payload_revision', payload_revision, 'payload', convert_from(payload, 'UTF8'), 'meta_data', convert_from(meta_data, 'UTF8')) from domain_event_entry order by global_index" > "$OUT/events.jsonl"
for table in $("${PSQL[@]}" -d "$DB" -Atc "select tablename from pg_tables where schemaname = 'public' and tablename not in ('flyway_schema_history', 'domain_event_entry') order by tablename"); do
    "${PSQL[@]}" -d "$DB" -c "\copy $table to stdout" > "$OUT/tables/$table.tsv"
done
base64 -w0 "$WORK/keys/master.key" > "$OUT/master-key.b64"
echo "captured $(wc -l < "$OUT/events.jsonl") events of $REL into $OUT"
