# MODE=cost of bench/deadline-day.sh: what one autosave costs in CPU time, against what one pgbench transaction of
# the same writes costs PostgreSQL, at the same moderate rate (RATE saves/s, well under capacity). CPU time per
# operation does not depend on how fast the machine is, nor much on what else runs on it, as a throughput does:
# it is the figure to compare commits by (bench/README.md, "What a save costs in CPU"). Uses the caller's PSQL,
# DB, PORT, WORK, USERS, APP and the settings RATE, WARMUP, STEP, MAX_STEPS, PGBENCH_SECONDS, POOL.

# Autosaves at RATE/s for MAX_STEPS steps of STEP s after WARMUP s, with the CPU sampled; writes
# $WORK/steps.csv, $WORK/window.csv, $WORK/acks.csv and $WORK/cpu-app.csv.
run_cost_load() {
  python3 bench/cpu-sampler.py "$APP" "$WORK/cpu-app.csv" &
  local sampler=$!
  rm -rf "$WORK/gatling"
  ./mvnw -q -B -f bench/deadline-day/pom.xml gatling:test -Dsimulation=bench.Capacity \
    -DbaseUrl="http://127.0.0.1:$PORT" -DusersFile="$PWD/$WORK/users.csv" -DacksFile="$PWD/$WORK/acks.csv" \
    -DstepsFile="$PWD/$WORK/steps.csv" -DwindowFile="$PWD/$WORK/window.csv" -Dusers="$USERS" -DrampSeconds="$RAMP" \
    -DwarmupSeconds="$WARMUP" -DstartRate="$RATE" -DstepRate=0 -DstepSeconds="$STEP" -DmaxSteps="$MAX_STEPS" \
    -Dp99LimitMs=100000 -Dgatling.core.directory.results="$PWD/$WORK/gatling" || true
  kill $sampler
}

# pgbench at RATE transactions/s (-R) for PGBENCH_SECONDS, the transaction of run_pgbench, with PostgreSQL's CPU
# sampled; writes $WORK/pgbench.txt, $WORK/pgbench-window.csv and $WORK/cpu-pgbench.csv.
run_pgbench_cost() {
  run_pgbench_prepare
  python3 bench/cpu-sampler.py 1 "$WORK/cpu-pgbench.csv" &
  local sampler=$!
  sleep 1
  local from; from=$(date +%s%3N)
  pgbench -h 127.0.0.1 -U postgres -n -c "$POOL" -j 2 -T "$PGBENCH_SECONDS" -R "$RATE" -D users="$USERS" \
    -f "$WORK/pgbench-save.sql" "$DB" > "$WORK/pgbench.txt" 2>&1 || true
  printf 'from_ms,to_ms\n%s,%s\n' "$from" "$(date +%s%3N)" > "$WORK/pgbench-window.csv"
  sleep 1
  kill $sampler
  cat "$WORK/pgbench.txt"
  "${PSQL[@]}" -d $DB -c "DROP TABLE pgb_section, pgb_audit"
}

# The cost part of bench/results/deadline-day.json, and the run appended to results/deadline-day-cost-runs.json.
report_cost() {
  python3 - "$WORK" <<'PY'
import csv, datetime, json, os, re, subprocess, sys
work = sys.argv[1]
hz = os.sysconf("SC_CLK_TCK")
rows = lambda f: [dict(r) for r in csv.DictReader(open(os.path.join(work, f)))]

def at(samples, ms, column):
    """Ticks at ms, between the two samples around it."""
    before = max((s for s in samples if int(s["ms"]) <= ms), key=lambda s: int(s["ms"]))
    after = min((s for s in samples if int(s["ms"]) >= ms), key=lambda s: int(s["ms"]), default=before)
    t0, t1 = int(before["ms"]), int(after["ms"])
    v0, v1 = int(before[column]), int(after[column])
    return v0 if t1 == t0 else v0 + (v1 - v0) * (ms - t0) / (t1 - t0)

def cpu_ms(samples, window, column):
    w = window[0]
    return (at(samples, int(w["to_ms"]), column) - at(samples, int(w["from_ms"]), column)) * 1000 / hz

steps = rows("steps.csv")
saves = sum(int(s["saves"]) for s in steps)
errors = sum(int(s["errors"]) for s in steps)
app_samples, window = rows("cpu-app.csv"), rows("window.csv")
app_ms, app_pg_ms = cpu_ms(app_samples, window, "app_ticks"), cpu_ms(app_samples, window, "pg_ticks")
pg = open(os.path.join(work, "pgbench.txt")).read()
tx = int(re.search(r"number of transactions actually processed: (\d+)", pg).group(1))
pgb_ms = cpu_ms(rows("cpu-pgbench.csv"), rows("pgbench-window.csv"), "pg_ticks")
per_save_app, per_save_pg, per_tx = app_ms / saves, app_pg_ms / saves, pgb_ms / tx
p = lambda k: [int(s[k]) for s in steps if s[k]]
commit = os.environ.get("COMMIT") or subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
result = {
  "measured_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
  "command": "MODE=cost " + " ".join(f"{k}={os.environ[k]}" for k in ("USERS", "RATE", "WARMUP", "STEP", "MAX_STEPS", "PGBENCH_SECONDS")) + " bench/deadline-day.sh",
  "commit": commit,
  "jar": os.environ.get("JAR", ""),
  "cores": os.cpu_count(),
  "load_average_at_end": round(os.getloadavg()[0], 1),
  "note": os.environ.get("NOTE", ""),
  "saves": saves, "errors": errors, "p99_ms_per_step": p("p99_ms"),
  "app_cpu_ms_per_save": round(per_save_app, 3),
  "postgres_cpu_ms_per_save": round(per_save_pg, 3),
  "cpu_ms_per_save": round(per_save_app + per_save_pg, 3),
  "pgbench_transactions": tx,
  "postgres_cpu_ms_per_pgbench_transaction": round(per_tx, 3),
  "cost_ratio_pgbench_to_save": round(per_tx / (per_save_app + per_save_pg), 3),
  "saves_per_s_if_cpu_bound": round(os.cpu_count() * 1000 / (per_save_app + per_save_pg)),
  "pgbench_per_s_if_cpu_bound": round(os.cpu_count() * 1000 / per_tx),
}
path = "bench/results/deadline-day.json"
try:
    whole = json.load(open(path))
except (OSError, ValueError):
    whole = {}
whole["cost"] = result
json.dump(whole, open(path, "w"), indent=2, ensure_ascii=False)
runs_path = "bench/results/deadline-day-cost-runs.json"
try:
    runs = json.load(open(runs_path))
except (OSError, ValueError):
    runs = []
runs.append(result)
json.dump(runs, open(runs_path, "w"), indent=2, ensure_ascii=False)
print(json.dumps(result, indent=1, ensure_ascii=False))
PY
}
