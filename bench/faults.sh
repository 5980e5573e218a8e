#!/usr/bin/env bash
# Deadline day under faults: the deadline-day load (bench/deadline-day-lib.sh) runs while the mail server
# is down for a minute and PostgreSQL restarts; then the run waits until every receipt is delivered,
# without restarting the application. Writes to bench/results/faults.json: acknowledged saves and
# submissions, lost (acknowledged but not in the database: must be 0), mails due (one receipt per
# submission in the database and contact), delivered, duplicates (must be 0) and the seconds until the
# last receipt arrived, counted from the mail server's return.
#
#   bench/faults.sh                                   # defaults: 200 applicants, 6 minutes
#   USERS=50 DURATION=240 SUBMIT_WINDOW=180 bench/faults.sh
#
# Run as root. PostgreSQL is a cluster of its own ("faults", port $PG_PORT, trust, created with Debian's
# pg_createcluster if missing), so restarting it touches nothing else; the mail server is
# bench/faults/smtp-sink.py (aiosmtpd; python3-aiosmtpd is installed if missing), stopped and started again.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/deadline-day-lib.sh
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
USERS=${USERS:-200}
DURATION=${DURATION:-360}
SUBMIT_WINDOW=${SUBMIT_WINDOW:-300}
RAMP=${RAMP:-30}
PACE=${PACE:-5}
PORT=${PORT:-18081}
PG_PORT=${PG_PORT:-5439}
SMTP_PORT=${SMTP_PORT:-2525}
SMTP_DOWN_AT=${SMTP_DOWN_AT:-60}
SMTP_DOWN_FOR=${SMTP_DOWN_FOR:-60}
PG_RESTART_AT=${PG_RESTART_AT:-150}
DELIVERY_WAIT=${DELIVERY_WAIT:-900}
DB=partnerskap_faults
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q -X)
WORK=bench/faults/target
rm -rf "$WORK"; mkdir -p "$WORK" bench/results
[ "$(id -u)" = 0 ] || { echo "bench/faults.sh runs as root (it creates and restarts a PostgreSQL cluster)" >&2; exit 1; }

# Debian's python3 (where python3-aiosmtpd installs), whatever python3 comes first on the PATH
SINK_PYTHON=/usr/bin/python3
"$SINK_PYTHON" -c 'import aiosmtpd' 2>/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null; }
PG_VERSION=$(ls /etc/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PG_VERSION faults"; then
  pg_createcluster "$PG_VERSION" faults -p "$PG_PORT" -- --auth-host=trust --auth-local=trust >/dev/null
fi
pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" faults start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$PG_PORT" -q && break; sleep 1; done

./mvnw -q -B -DskipTests package
JAR=$(ls target/partnerskap-*.jar | grep -v -e original -e -server.jar | head -1)
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

MAILS="$WORK/mails.jsonl"
"$SINK_PYTHON" bench/faults/smtp-sink.py "$SMTP_PORT" "$MAILS" 2>"$WORK/smtp.log" &
SINK=$!
LOG="$WORK/app.log"
java -Xmx1g -jar "$JAR" --server.port="$PORT" --partnerskap.demo=true \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" --spring.datasource.username=postgres \
  --spring.datasource.hikari.maximum-pool-size=20 --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
  --logging.level.root=WARN --logging.level.se.partnerskap.notification=INFO >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP $SINK 2>/dev/null || true' EXIT
wait_for_demo "$APP" "$LOG"
prepare_deadline_day

START=$(date +%s.%N)
run_deadline_day_load > "$WORK/load.log" 2>&1 &
LOAD=$!
at() { sleep "$(python3 -c "import time; print(max(0, $START + $1 - time.time()))")"; }
at "$SMTP_DOWN_AT"; kill $SINK; wait $SINK 2>/dev/null || true; SMTP_DOWN=$(date +%s.%N)
echo "mail server down"
at "$((SMTP_DOWN_AT + SMTP_DOWN_FOR))"
"$SINK_PYTHON" bench/faults/smtp-sink.py "$SMTP_PORT" "$MAILS" 2>>"$WORK/smtp.log" &
SINK=$!; SMTP_UP=$(date +%s.%N)
echo "mail server up"
at "$PG_RESTART_AT"; PG_DOWN=$(date +%s.%N)
pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" faults restart -m fast
PG_UP=$(date +%s.%N)
echo "PostgreSQL restarted"
wait $LOAD || true
LOAD_END=$(date +%s.%N)

# due: one receipt per submission in the database and contact address of its snapshot
"${PSQL[@]}" -d $DB -tA -F, -c "
  SELECT s.reference, lower(s.snapshot -> 'sections' -> 'applicant' -> 'answers' -> 'contactEmail' ->> 0)
  FROM submission s JOIN application a ON a.id = s.application_id WHERE a.round_id = md5('bench-round')::uuid" > "$WORK/due.csv"
DUE=$(grep -c . "$WORK/due.csv" || true)
DEADLINE=$(( $(date +%s) + DELIVERY_WAIT ))
while :; do
  read -r DELIVERED DUPLICATES LAST_AT < <(python3 bench/faults/count.py "$WORK/due.csv" "$MAILS")
  [ "$DELIVERED" -ge "$DUE" ] && break
  [ "$(date +%s)" -ge "$DEADLINE" ] && break
  sleep 2
done
sleep 5   # a late duplicate would arrive now
read -r DELIVERED DUPLICATES LAST_AT < <(python3 bench/faults/count.py "$WORK/due.csv" "$MAILS")
kill $APP; wait $APP 2>/dev/null || true
kill $SINK 2>/dev/null || true
trap - EXIT

check_acknowledged
python3 - "$WORK/lost.txt" <<PY
import datetime, json, os, platform, subprocess, sys
names = ["users_finished", "saves_acknowledged", "saves_lost", "submissions_acknowledged", "submissions_lost", "snapshots"]
row = [l for l in open(sys.argv[1]).read().strip().splitlines() if "|" in l and not l.strip().startswith("users")][-1]
db = dict(zip(names, [int(v.strip()) for v in row.split("|")]))
start, smtp_down, smtp_up, pg_down, pg_up, load_end, last_at = $START, $SMTP_DOWN, $SMTP_UP, $PG_DOWN, $PG_UP, $LOAD_END, $LAST_AT
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
result = {
  "measured_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
  "command": "bench/faults.sh",
  "parameters": {k: int(os.environ.get(k, d)) for k, d in [("USERS", 200), ("DURATION", 360), ("SUBMIT_WINDOW", 300),
                 ("RAMP", 30), ("PACE", 5), ("SMTP_DOWN_AT", 60), ("SMTP_DOWN_FOR", 60), ("PG_RESTART_AT", 150)]},
  "machine": {"cpu": cpu, "cores": os.cpu_count(), "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
              "note": "load generator, application, PostgreSQL (own cluster) and mail server on the same machine"},
  "faults_seconds_after_start": {"smtp_down": round(smtp_down - start, 1), "smtp_up": round(smtp_up - start, 1),
                                 "postgres_restart_began": round(pg_down - start, 1), "postgres_restart_done": round(pg_up - start, 1),
                                 "load_ended": round(load_end - start, 1)},
  "saves_acknowledged": db["saves_acknowledged"],
  "submissions_acknowledged": db["submissions_acknowledged"],
  "submissions_in_database": db["snapshots"],
  "lost": db["saves_lost"] + db["submissions_lost"],
  "mails_due": $DUE,
  "mails_delivered": $DELIVERED,
  "duplicates": $DUPLICATES,
  "seconds_until_all_delivered_after_smtp_up": round(last_at - smtp_up, 1) if last_at and $DELIVERED >= $DUE else None,
  "seconds_until_all_delivered_after_load_end": round(max(0, last_at - load_end), 1) if last_at and $DELIVERED >= $DUE else None,
}
json.dump(result, open("bench/results/faults.json", "w"), indent=2)
print(json.dumps(result, indent=2))
PY
