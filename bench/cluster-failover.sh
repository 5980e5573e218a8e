#!/usr/bin/env bash
# The deadline-day load through the local cluster (bench/cluster.sh: nginx in front of the instances),
# in three runs on a fresh database each:
#   one       nginx in front of one instance
#   two       nginx in front of two instances
#   failover  two instances; KILL_AT seconds into the load instance KILL is killed (kill -9), DOWN_FOR
#             seconds later it is started again
# Then for each run the deadline-day database check (every acknowledged save and submission is there:
# lost must be 0), duplicates (more than one submission for an application, more than one receipt for a
# submission and recipient: must be 0), and from the simulation's events file the requests that failed
# and the responses that asked a logged-in applicant to log in again (a lost session: must be 0).
# Writes bench/results/cluster.json.
#
#   bench/cluster-failover.sh                          # defaults: 200 applicants, 150 s per run (~11 min)
#   USERS=100 DURATION=120 SUBMIT_WINDOW=80 KILL_AT=50 bench/cluster-failover.sh
#   PHASES="failover" bench/cluster-failover.sh        # only the run with the kill
#
# USERS, DURATION, SUBMIT_WINDOW, RAMP, PACE as in bench/deadline-day.sh (applicants autosave every PACE
# seconds and submit in the last SUBMIT_WINDOW seconds); JAR, NGINX_PORT, PORTS, DB, HEAP, POOL as in
# bench/cluster.sh; MAIL_PORT (19525) for the shared mail server (bench/faults/smtp-sink.py, which counts
# receipts), MAIL_WAIT (60 s after each run for outstanding receipts). Run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/deadline-day-lib.sh
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export USERS=${USERS:-200} DURATION=${DURATION:-150} SUBMIT_WINDOW=${SUBMIT_WINDOW:-90} RAMP=${RAMP:-20} PACE=${PACE:-4}
export KILL_AT=${KILL_AT:-70} DOWN_FOR=${DOWN_FOR:-20} KILL=${KILL:-2} MAIL_WAIT=${MAIL_WAIT:-60}
export NGINX_PORT=${NGINX_PORT:-18090} DB=${DB:-partnerskap_cluster} MAIL_PORT=${MAIL_PORT:-19525}
export FRESH_DB=1
PHASES=${PHASES:-"one two failover"}
PORT=$NGINX_PORT   # the load goes through nginx
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
CLUSTER_WORK=bench/cluster/target
mkdir -p "$CLUSTER_WORK" bench/results
cluster() { WORK="$CLUSTER_WORK" bench/cluster.sh "$@"; }
now_ms() { date +%s%3N; }

SINK_PYTHON=/usr/bin/python3   # Debian's, where python3-aiosmtpd installs
"$SINK_PYTHON" -c 'import aiosmtpd' 2>/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null; }
[ -n "${JAR:-}" ] || ls target/partnerskap-*.jar >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests
cluster stop >/dev/null
SINK=""
cleanup() { cluster stop >/dev/null 2>&1 || true; [ -n "$SINK" ] && kill "$SINK" 2>/dev/null || true; }
trap cleanup EXIT
T0=$(date +%s)

for phase in $PHASES; do
  WORK=$CLUSTER_WORK/$phase
  rm -rf "$WORK"; mkdir -p "$WORK"
  echo "== $phase: $(cat /proc/loadavg | cut -d' ' -f1-3) load average"
  cat /proc/loadavg > "$WORK/loadavg-before"
  "$SINK_PYTHON" bench/faults/smtp-sink.py "$MAIL_PORT" "$WORK/mails.jsonl" 2>"$WORK/smtp.log" &
  SINK=$!
  INSTANCES=$([ "$phase" = one ] && echo 1 || echo 2)
  : > "$CLUSTER_WORK/nginx-access.log"; : > "$CLUSTER_WORK/nginx-error.log"
  INSTANCES=$INSTANCES cluster start
  wait_for_demo "$(cat "$CLUSTER_WORK/app-1.pid")" "$CLUSTER_WORK/app-1.log"
  prepare_deadline_day
  echo "$INSTANCES" > "$WORK/instances"
  run_deadline_day_load > "$WORK/load.log" 2>&1 &
  LOAD=$!
  if [ "$phase" = failover ]; then
    # count from the first login through nginx (Maven and Gatling take a while to start)
    until grep -q ' POST 302 .*"/login"' "$CLUSTER_WORK/nginx-access.log"; do
      kill -0 $LOAD 2>/dev/null || break; sleep 0.2
    done
    sleep "$KILL_AT"
    now_ms > "$WORK/killed_at"
    cluster kill "$KILL"
    sleep "$DOWN_FOR"
    now_ms > "$WORK/restart_began"
    cluster restart "$KILL"
    now_ms > "$WORK/back_at"
  fi
  wait $LOAD || true
  tail -5 "$WORK/load.log"
  # the Maven plugin writes the report under bench/deadline-day/target/gatling whatever it is told
  mv "$(ls -td bench/deadline-day/target/gatling/*/ | head -1)" "$WORK/gatling-report"
  mkdir -p "$WORK/gatling"; mv "$WORK/gatling-report" "$WORK/gatling/"
  # receipts: one per submission in the database and the contact of its snapshot
  "${PSQL[@]}" -d "$DB" -tA -F, -c "
    SELECT s.reference, lower(s.snapshot -> 'sections' -> 'applicant' -> 'answers' -> 'contactEmail' ->> 0)
    FROM submission s JOIN application a ON a.id = s.application_id WHERE a.round_id = md5('bench-round')::uuid" > "$WORK/due.csv"
  DUE=$(grep -c . "$WORK/due.csv" || true)
  for _ in $(seq 1 "$MAIL_WAIT"); do
    read -r DELIVERED _ _ < <(python3 bench/faults/count.py "$WORK/due.csv" "$WORK/mails.jsonl")
    [ "$DELIVERED" -ge "$DUE" ] && break
    sleep 1
  done
  sleep 3   # a late duplicate would arrive now
  python3 bench/faults/count.py "$WORK/due.csv" "$WORK/mails.jsonl" > "$WORK/mails-count"
  # more than one submission for one application of the round
  "${PSQL[@]}" -d "$DB" -tAc "
    SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM submission s JOIN application a ON a.id = s.application_id
      WHERE a.round_id = md5('bench-round')::uuid GROUP BY s.application_id) x" > "$WORK/duplicate-submissions"
  check_acknowledged
  cp "$CLUSTER_WORK/nginx-access.log" "$CLUSTER_WORK/nginx-error.log" "$WORK/"
  cat /proc/loadavg > "$WORK/loadavg-after"
  cluster stop >/dev/null
  kill "$SINK" 2>/dev/null || true; wait "$SINK" 2>/dev/null || true; SINK=""
done
trap - EXIT
echo "$(( $(date +%s) - T0 ))" > "$CLUSTER_WORK/seconds"
python3 bench/cluster/report.py "$CLUSTER_WORK" $PHASES
