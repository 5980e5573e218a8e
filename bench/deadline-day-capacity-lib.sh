# MODE=capacity of bench/deadline-day.sh: the stepped autosave load (bench.Capacity), pgbench's physical
# limit on the same PostgreSQL, and the report. Uses the caller's PSQL, DB, PORT, WORK, USERS and the
# capacity settings (START_RATE, STEP_RATE, STEP, MAX_STEPS, P99_LIMIT, PGBENCH_SECONDS, POOL).

# The stepped load against the application on $PORT; writes $WORK/steps.csv and $WORK/acks.csv.
run_capacity_load() {
  rm -rf "$WORK/gatling"
  ./mvnw -q -B -f bench/deadline-day/pom.xml gatling:test -Dsimulation=bench.Capacity \
    -DbaseUrl="http://127.0.0.1:$PORT" -DusersFile="$PWD/$WORK/users.csv" -DacksFile="$PWD/$WORK/acks.csv" \
    -DstepsFile="$PWD/$WORK/steps.csv" -Dusers="$USERS" -DrampSeconds="$RAMP" -DwarmupSeconds="$WARMUP" -DstartRate="$START_RATE" \
    -DstepRate="$STEP_RATE" -DstepSeconds="$STEP" -DmaxSteps="$MAX_STEPS" -Dp99LimitMs="$P99_LIMIT" \
    -Dgatling.core.directory.results="$PWD/$WORK/gatling" || true
}

# pgbench with $POOL clients for $PGBENCH_SECONDS: one transaction = one section save's writes, at the
# database's own speed (tables LIKE application_section and audit_entry, with their indexes; the same
# text lengths as bench.Capacity's saves), after a CHECKPOINT. Writes pgbench's output to $WORK/pgbench.txt.
run_pgbench() {
  run_pgbench_prepare
  pgbench -h 127.0.0.1 -U postgres -n -c "$POOL" -j 2 -T "$PGBENCH_SECONDS" -D users="$USERS" \
    -f "$WORK/pgbench-save.sql" "$DB" > "$WORK/pgbench.txt" 2>&1 || true
  cat "$WORK/pgbench.txt"
  "${PSQL[@]}" -d $DB -c "DROP TABLE pgb_section, pgb_audit"
}

# pgbench's tables (copies of the applicants' section rows) and its transaction, $WORK/pgbench-save.sql.
run_pgbench_prepare() {
  "${PSQL[@]}" -d $DB <<SQL
  DROP TABLE IF EXISTS pgb_section, pgb_audit;
  CREATE TABLE pgb_section (LIKE application_section INCLUDING ALL);
  CREATE TABLE pgb_audit (LIKE audit_entry INCLUDING ALL);
  INSERT INTO pgb_section SELECT * FROM application_section
  WHERE section_key = 'challenge' AND application_id IN (SELECT md5('bench-app-' || n)::uuid FROM generate_series(1, $USERS) n);
  VACUUM ANALYZE pgb_section;
  -- the application's saves are flushed before pgbench starts, not during its run: the longer the load ran,
  -- the more a checkpoint in progress took from pgbench (2 072 tx/s after 3 steps, 1 492 after 6, same host)
  CHECKPOINT;
SQL
  cat > "$WORK/pgbench-save.sql" <<'SQL'
\set a random(1, :users)
\set n random(1, 99999)
BEGIN;
UPDATE pgb_section SET answers = jsonb_build_object(
    'title', jsonb_build_array('Demokrati i vardagen ' || md5('bench-app-' || :a)::uuid),
    'challenge', jsonb_build_array('Gemensam utmaning, sparning save-' || :n || '-' || md5('bench-app-' || :a)::uuid || ' av en handläggare som skriver.'),
    'objectives', jsonb_build_array('Fler medborgare deltar i dialogen om budgeten.'),
    'results', jsonb_build_array('Medborgardialog införd i båda organisationerna.')),
  state = 'completed', version = version + 1, saved_by = 'bench' || :a || '@bench.example', saved_at = now()
WHERE application_id = md5('bench-app-' || :a)::uuid AND section_key = 'challenge';
INSERT INTO pgb_audit (occurred_at, actor, action, subject_type, subject_id, details)
VALUES (now(), 'bench' || :a || '@bench.example', 'application.section-saved', 'application', md5('bench-app-' || :a)::uuid::text,
        jsonb_build_object('section', 'challenge', 'version', :n, 'state', 'completed'));
END;
SQL
}

# The capacity part of bench/results/deadline-day.json (the offered-load part stays as it is).
report_capacity() {
  python3 - "$WORK/steps.csv" "$WORK/lost.txt" "$WORK/pgbench.txt" <<'PY'
import csv, datetime, json, os, platform, re, subprocess, sys
steps = [dict(r) for r in csv.DictReader(open(sys.argv[1]))]
cols = open(sys.argv[2]).read().strip().splitlines()
row = [l for l in cols if "|" in l and not l.strip().startswith("users")][-1]
check = dict(zip(["users_finished", "saves_acknowledged", "saves_lost", "submissions_acknowledged", "submissions_lost", "snapshots"],
                 [int(v.strip()) for v in row.split("|")]))
pg = open(sys.argv[3]).read()
tps = float(re.search(r"tps = ([0-9.]+)", pg).group(1))
latency = re.search(r"latency average = ([0-9.]+) ms", pg)
env = lambda k: int(os.environ[k])
limit, step_s = env("P99_LIMIT"), env("STEP")
out, held = [], None
for s in steps:
    r = {"offered_per_s": int(s["offered_per_s"]), "saves": int(s["saves"]), "throughput_per_s": float(s["throughput_per_s"]),
         "p50_ms": int(s["p50_ms"]) if s["p50_ms"] else None, "p95_ms": int(s["p95_ms"]) if s["p95_ms"] else None,
         "p99_ms": int(s["p99_ms"]) if s["p99_ms"] else None, "errors": int(s["errors"])}
    # held: the whole step ran at the rate offered (not cut short), every save answered, p99 within the limit
    r["held"] = r["errors"] == 0 and r["p99_ms"] is not None and r["p99_ms"] <= limit and r["saves"] >= 0.95 * r["offered_per_s"] * step_s
    out.append(r)
    if not r["held"]:
        break
    held = r
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
capacity = held["throughput_per_s"] if held else 0.0
result = {
  "measured_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
  "command": "MODE=capacity " + " ".join(f"{k}={os.environ[k]}" for k in ("DB", "PORT", "USERS", "RAMP", "WARMUP", "START_RATE", "STEP_RATE", "STEP", "MAX_STEPS", "P99_LIMIT", "PGBENCH_SECONDS")) + " bench/deadline-day.sh",
  "machine": {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem / 1024 / 1024, 1), "os": platform.platform(),
              "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
              "postgresql": subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "SHOW server_version"], capture_output=True, text=True).stdout.strip(),
              "load": f"load average {os.getloadavg()[0]:.1f} at the end",
              "note": os.environ.get("NOTE", "load generator (Gatling), application and PostgreSQL on the same 2-core machine")},
  "p99_limit_ms": limit,
  "step_seconds": step_s,
  "steps": out,
  "capacity_saves_per_s": capacity,
  "capacity_offered_per_s": held["offered_per_s"] if held else 0,
  "pgbench": {"clients": env("POOL"), "seconds": env("PGBENCH_SECONDS"), "tps": tps,
              "latency_avg_ms": float(latency.group(1)) if latency else None,
              "transaction": "update of a section row (same text length) + insert of an audit row, tables LIKE the real ones"},
  "ratio_app_to_pgbench": round(capacity / tps, 3) if tps else None,
  "database_check": check,
  "lost": check["saves_lost"],
}
path = "bench/results/deadline-day.json"
try:
    whole = json.load(open(path))
except (OSError, ValueError):
    whole = {}
whole["capacity"] = result
json.dump(whole, open(path, "w"), indent=2, ensure_ascii=False)
print(json.dumps({k: result[k] for k in ("steps", "capacity_saves_per_s", "pgbench", "ratio_app_to_pgbench", "lost")}, indent=1))
PY
}
