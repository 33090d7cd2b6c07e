#!/usr/bin/env bash
# How fast evaluators' outcome questions are answered over JOURNEYS journeys: the outcome read model of a fresh
# database under a running application is filled with synthetic journeys' facts in bulk (deterministic: every
# value derives from the row number), then each question is asked ROUNDS times through the HTTP API, one after
# another, as an evaluator would, and its latency percentiles printed.
#
#   ./mvnw -q -B install -Dmaven.test.skip=true
#   deploy/bench/outcomes/query-latency.sh            # JOURNEYS=100000 ROUNDS=50 PGHOST=127.0.0.1 PGPORT=5432
#
# The rows are written straight into the read model (as the outcome projection would leave them) because this
# measures the queries; how fast the projection itself is fed is the rebuild figure of deploy/bench.
set -euo pipefail

JOURNEYS=${JOURNEYS:-100000}
ROUNDS=${ROUNDS:-50}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
source "$(dirname "$0")/../homeward.sh"
DB=homeward_bench_outcomes_$$
WORK=$(mktemp -d)
PROGRAM=00000000-0000-4000-8000-00000000b001

sql() { psql -d "$DB" -qAtc "$1"; }

trap stop_homeward EXIT

copy_homeward "$WORK"
psql -d postgres -qc "create database $DB" >/dev/null
start_homeward "$WORK" "$DB"

# Intakes spread over 2020-2026; about a third in the program, half of them completing it; employment, housing
# and assessments at plausible rates; a quarter have withdrawn consent for evaluation.
fill_start=$(date +%s.%N)
sql "insert into outcomes_program (program_id) values ('$PROGRAM');
     insert into outcomes_journey (journey_id, organisation_id, intake_date, age_band, gender, form_of_exploitation,
         evaluation_consent, six_months_on, twelve_months_on, program_outcome, employed_at_6_months,
         employed_at_12_months, housed_at_6_months, housed_at_12_months, residence_regularised,
         days_to_first_counselling, days_to_shelter_exit, days_to_training_completed, days_to_employment_started,
         assessments, first_economic, first_social, first_psychosocial, latest_economic, latest_social,
         latest_psychosocial, follow_ups_resolved, follow_ups_on_time, version)
     select md5('journey' || g)::uuid, 'org-' || (g % 12), intake, band[1 + g % 7], gender[1 + (g / 7) % 4],
            form[1 + (g / 3) % 10], g % 4 <> 0, (intake + interval '6 months')::date,
            (intake + interval '12 months')::date,
            case when g % 3 = 0 then (array['COMPLETED', 'DROPPED_OUT', 'ACTIVE'])[1 + (g / 3) % 3] end,
            g % 5 < 2, g % 5 < 3, g % 7 < 4, g % 7 < 5, g % 6 = 0,
            g % 40, case when g % 2 = 0 then 30 + g % 300 end, case when g % 6 = 0 then 60 + g % 200 end,
            case when g % 5 < 3 then 90 + g % 400 end,
            g % 3, 1 + g % 5, 1 + (g / 5) % 5, 1 + (g / 25) % 5, 1 + (g / 2) % 5, 1 + (g / 10) % 5,
            1 + (g / 50) % 5, g % 4, g % 3, 1
     from generate_series(1, $JOURNEYS) g,
          lateral (select date '2020-01-01' + (g * 7919 % 2500) as intake) i,
          lateral (select array['UNDER_18', 'FROM_18_TO_24', 'FROM_25_TO_34', 'FROM_35_TO_44', 'FROM_45_TO_59',
                                'FROM_60', 'UNKNOWN'] as band,
                          array['FEMALE', 'MALE', 'OTHER', 'NOT_DISCLOSED'] as gender,
                          array['SEXUAL', 'FORCED_LABOUR', 'DOMESTIC_SERVITUDE', 'FORCED_CRIMINALITY',
                                'FORCED_BEGGING', 'FORCED_MARRIAGE', 'ORGAN_REMOVAL', 'MULTIPLE', 'OTHER',
                                'UNKNOWN'] as form) v;
     insert into outcomes_journey_program (journey_id, program_id, outcome, days_to_training_completed)
     select journey_id, '$PROGRAM', program_outcome, days_to_training_completed
     from outcomes_journey where program_outcome is not null;
     insert into outcomes_follow_up (journey_id, follow_up_id, due_on)
     select journey_id, md5('follow-up' || journey_id)::uuid, intake_date + 90
     from outcomes_journey where follow_ups_resolved = 0;
     analyze"
fill_end=$(date +%s.%N)

token=$(token_for "$WORK" ev-bench EVALUATOR)

# Prints p50, p95, p99 and max in milliseconds of ROUNDS sequential requests for one question.
ask() {
    local label=$1 path=$2 accept=${3:-application/json}
    local url="http://localhost:$PORT$path"
    for _ in 1 2 3; do curl -sf -o /dev/null -H "Authorization: Bearer $token" -H "Accept: $accept" "$url"; done
    for _ in $(seq "$ROUNDS"); do
        curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" -H "Accept: $accept" "$url"
    done | sort -n | awk -v label="$label" '{ t[NR] = $1 * 1000 } END {
        printf "%-44s %8.1f %8.1f %8.1f %8.1f\n", label, t[int(NR * 0.50 + 0.5)], t[int(NR * 0.95 + 0.5)],
               t[int(NR * 0.99 + 0.5)], t[NR] }'
}

counted=$(sql "select count(*) from outcomes_journey where evaluation_consent")
printf 'journeys %d (%d counted), filled in %.1f s; %d sequential requests per question\n' "$JOURNEYS" \
       "$counted" "$(echo "$fill_end - $fill_start" | bc)" "$ROUNDS"
printf '%-44s %8s %8s %8s %8s\n' "question (ms)" p50 p95 p99 max
ask "all journeys, by quarter (28 cohorts)" "/api/v1/outcomes"
ask "all journeys, by month (83 cohorts)" "/api/v1/outcomes?cohort=month"
ask "all journeys, by year, grouped by age band" "/api/v1/outcomes?cohort=year&groupBy=ageBand"
ask "one program, by quarter" "/api/v1/outcomes?program=$PROGRAM"
ask "one organisation, 2024, by quarter" "/api/v1/outcomes?organisation=org-3&from=2024-01-01&to=2024-12-31"
ask "all journeys, by quarter, as CSV" "/api/v1/outcomes" "text/csv"
ask "chart, by year, grouped by gender" "/api/v1/outcomes/chart?cohort=year&groupBy=gender" "image/svg+xml"
