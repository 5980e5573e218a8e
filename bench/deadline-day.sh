#!/usr/bin/env bash
# Deadline day, measured: N logged-in applicants each autosave a section every few seconds, and all of
# them submit within the last minutes before the round closes. Writes throughput and p50/p95/p99
# latency per request type, the machine, and what was lost to bench/results/deadline-day.json.
#
#   bench/deadline-day.sh                       # defaults: 500 applicants, 12 minutes, submissions in the last 10
#   USERS=100 DURATION=180 SUBMIT_WINDOW=120 bench/deadline-day.sh     # a quick run
#   MODE=capacity bench/deadline-day.sh         # the highest autosave rate held, against pgbench (below)
#   MODE=cost bench/deadline-day.sh             # CPU time per autosave, against pgbench's per transaction
#   JAR=/elsewhere/target/partnerskap-x.jar COMMIT=abc1234 MODE=cost bench/deadline-day.sh   # another build
#
# MODE=cost: USERS (400) applicants log in; autosaves at RATE (100) saves/s, WARMUP (60) s uncounted, then
# MAX_STEPS (2) steps of STEP (60) s, with the CPU time of the application's JVM and of PostgreSQL sampled
# (bench/cpu-sampler.py); then pgbench with the same transaction as below at the same rate (-R) for
# PGBENCH_SECONDS (60). CPU milliseconds per save and per pgbench transaction, and their ratio, go into the
# "cost" part of bench/results/deadline-day.json and are appended to results/deadline-day-cost-runs.json.
#
# MODE=capacity: USERS (400) applicants log in; after WARMUP (30) seconds at the start rate, not counted,
# autosaves arrive at START_RATE (100) saves/s, STEP_RATE (40) more every STEP (60) seconds — open model,
# bench.Capacity — until a step's p99 passes P99_LIMIT (50) ms or a save fails, or MAX_STEPS (30). The
# capacity is the highest step held: every save answered within the limit, none failed, the rate offered
# reached. Then, with the application stopped, pgbench runs PGBENCH_SECONDS (30) on the same PostgreSQL
# with as many clients as the application's pool (20): each transaction updates a copy of a section row
# with a text of the same length and inserts an audit row of the same size (tables made LIKE the real
# ones, indexes included). The ratio of the two goes into the "capacity" part of
# bench/results/deadline-day.json (the offered-load part stays).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/deadline-day-lib.sh
. bench/deadline-day-capacity-lib.sh
. bench/deadline-day-cost-lib.sh
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
MODE=${MODE:-offered}
if [ "$MODE" = capacity ]; then
  USERS=${USERS:-400}; RAMP=${RAMP:-30}; WARMUP=${WARMUP:-30}; START_RATE=${START_RATE:-100}; STEP_RATE=${STEP_RATE:-40}; STEP=${STEP:-60}
  MAX_STEPS=${MAX_STEPS:-30}; P99_LIMIT=${P99_LIMIT:-50}; PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}; POOL=20
  export DB PORT
  DURATION=$((RAMP + WARMUP + MAX_STEPS * STEP + 60)) # the round stays open for the whole run
  export USERS RAMP WARMUP START_RATE STEP_RATE STEP MAX_STEPS P99_LIMIT PGBENCH_SECONDS POOL
fi
if [ "$MODE" = cost ]; then
  USERS=${USERS:-400}; RAMP=${RAMP:-30}; WARMUP=${WARMUP:-60}; RATE=${RATE:-100}; STEP=${STEP:-60}; MAX_STEPS=${MAX_STEPS:-2}
  PGBENCH_SECONDS=${PGBENCH_SECONDS:-60}; POOL=20
  DURATION=$((RAMP + WARMUP + MAX_STEPS * STEP + 60))
  export USERS RAMP WARMUP RATE STEP MAX_STEPS PGBENCH_SECONDS POOL
fi
USERS=${USERS:-500}
DURATION=${DURATION:-720}
SUBMIT_WINDOW=${SUBMIT_WINDOW:-600}
RAMP=${RAMP:-60}
PACE=${PACE:-5}
PORT=${PORT:-18080}
DB=${DB:-partnerskap_bench}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
WORK=bench/deadline-day/target
mkdir -p "$WORK" bench/results

if [ -z "${JAR:-}" ]; then # JAR=... measures another build (an earlier commit's, say) with this script
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/partnerskap-*.jar | grep -v -e original -e -server | head -1) # the demo jar (mail catcher)
fi
export JAR
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
LOG="$WORK/app.log"
java ${HEAP_OPTS:--Xms512m -Xmx1g} -jar "$JAR" --server.port="$PORT" --partnerskap.demo=true \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
  --spring.datasource.hikari.maximum-pool-size=${POOL:-20} --logging.level.root=WARN >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
wait_for_demo "$APP" "$LOG"

prepare_deadline_day

if [ "$MODE" = cost ]; then
  run_cost_load
  kill $APP; wait $APP 2>/dev/null || true
  trap - EXIT
  run_pgbench_cost
  report_cost
  exit 0
fi
if [ "$MODE" = capacity ]; then
  run_capacity_load
  kill $APP; wait $APP 2>/dev/null || true
  trap - EXIT
  IN_FLIGHT=1 check_acknowledged
  run_pgbench
  report_capacity
  exit 0
fi

run_deadline_day_load
kill $APP; wait $APP 2>/dev/null || true
trap - EXIT

check_acknowledged
STATS=$(ls -d "$WORK"/gatling/*/ | head -1)index.html
python3 - "$STATS" "$WORK/lost.txt" <<'PY'
import json, os, platform, re, subprocess, sys, datetime
# Gatling 3.15 writes its statistics into the report's table: one row per request type
html = open(sys.argv[1], encoding="utf-8").read()
cols = open(sys.argv[2]).read().strip().splitlines()
names = ["users_finished", "saves_acknowledged", "saves_lost", "submissions_acknowledged", "submissions_lost", "snapshots"]
row = [l for l in cols if "|" in l and not l.strip().startswith("users")][-1]
values = dict(zip(names, [int(v.strip()) for v in row.split("|")]))
rows = {}
for m in re.finditer(r'<tr id="(ROOT|req_[^"]+)"[^>]*>(.*?)</tr>', html, re.S):
    cells = re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', m.group(2))
    name = re.search(r'class="ellipsed-name">([^<]+)<', m.group(2)).group(1).strip()
    v = {int(c): float(x) for c, x in cells}
    rows[name] = {"requests": int(v[2]), "ok": int(v[3]), "ko": int(v[4]), "throughput_per_s": v[6],
                  "p50_ms": v[8], "p95_ms": v[10], "p99_ms": v[11], "max_ms": v[12], "mean_ms": v[13]}
all_requests = rows.pop("All Requests")
requests = rows
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
result = {
  "measured_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
  "command": "bench/deadline-day.sh",
  "parameters": {k: int(os.environ.get(k, d)) for k, d in [("USERS", 500), ("DURATION", 720), ("SUBMIT_WINDOW", 600), ("RAMP", 60), ("PACE", 5)]},
  "machine": {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem / 1024 / 1024, 1), "os": platform.platform(),
              "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
              "note": "load generator (Gatling), application and PostgreSQL on the same machine"},
  "all_requests": all_requests,
  "requests": requests,
  "database_check": values,
  "lost": values["saves_lost"] + values["submissions_lost"],
}
try:  # the capacity run (MODE=capacity) is kept beside the offered load
    result["capacity"] = json.load(open("bench/results/deadline-day.json"))["capacity"]
except (OSError, KeyError, ValueError):
    pass
json.dump(result, open("bench/results/deadline-day.json", "w"), indent=2, ensure_ascii=False)
print(json.dumps({k: result[k] for k in ("all_requests", "database_check", "lost")}, indent=2))
for name, r in requests.items():
    print(f"{name:15s} n={r['requests']:6d} ko={r['ko']:4d} rps={r['throughput_per_s']:7.1f} p50={r['p50_ms']} p95={r['p95_ms']} p99={r['p99_ms']}")
PY
