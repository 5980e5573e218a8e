#!/usr/bin/env bash
# Deadline day, measured: N logged-in applicants each autosave a section every few seconds, and all of
# them submit within the last minutes before the round closes. Writes throughput and p50/p95/p99
# latency per request type, the machine, and what was lost to bench/results/deadline-day.json.
#
#   bench/deadline-day.sh                       # defaults: 500 applicants, 12 minutes, submissions in the last 10
#   USERS=100 DURATION=180 SUBMIT_WINDOW=120 bench/deadline-day.sh     # a quick run
#
# It builds the application, starts it (as root: on the PostgreSQL server at 127.0.0.1:5432, database
# partnerskap_bench, dropped and created again), prepares the applicants, their complete drafts and a
# round that closes at the end of the run, runs the Gatling simulation in bench/deadline-day, stops the
# application and checks the database: every acknowledged save must be there (the section's text holds
# the save's marker and its version is the acknowledged one) and every acknowledged submission must have
# its snapshot. `lost` counts what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
USERS=${USERS:-500}
DURATION=${DURATION:-720}
SUBMIT_WINDOW=${SUBMIT_WINDOW:-600}
RAMP=${RAMP:-60}
PACE=${PACE:-5}
PORT=${PORT:-18080}
DB=partnerskap_bench
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
WORK=bench/deadline-day/target
mkdir -p "$WORK" bench/results

./mvnw -q -B -DskipTests package
JAR=$(ls target/partnerskap-*.jar | grep -v original | head -1)
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
LOG="$WORK/app.log"
java -Xmx1g -jar "$JAR" --server.port="$PORT" --partnerskap.demo=true \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
  --spring.datasource.hikari.maximum-pool-size=20 --logging.level.root=WARN >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 $APP 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.2
done
# the demo data is loaded after start-up: wait for the demo users
for _ in $(seq 1 300); do
  [ "$("${PSQL[@]}" -d $DB -tAc "SELECT count(*) FROM app_user WHERE email = 'anna.applicant@karlstad.demo.example' AND password_hash IS NOT NULL")" = 1 ] && break
  sleep 0.2
done

PDF_HEX=$(od -An -v -tx1 bench/deadline-day/letter-of-intent.pdf | tr -d ' \n')
"${PSQL[@]}" -d $DB <<SQL
-- the applicants: invented users sharing the demo password, each a member of one organisation
INSERT INTO app_user (id, email, display_name, password_hash, enabled, activated_at, created_at)
SELECT md5('bench-user-' || n)::uuid, 'bench' || n || '@bench.example', 'Bench ' || n,
       (SELECT password_hash FROM app_user WHERE email = 'anna.applicant@karlstad.demo.example'), true, now(), now()
FROM generate_series(1, $USERS) n;
INSERT INTO user_role (user_id, role) SELECT md5('bench-user-' || n)::uuid, 'APPLICANT' FROM generate_series(1, $USERS) n;
WITH orgs AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS c FROM swedish_organisation)
INSERT INTO membership (user_id, organisation_id)
SELECT md5('bench-user-' || n)::uuid, o.id FROM generate_series(1, $USERS) n JOIN orgs o ON o.i = (n - 1) % o.c;
-- the round: open now, closing when the run ends
INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, budget_sek, max_amount_sek, status)
VALUES (md5('bench-round')::uuid, 'kommunala-partnerskap', 'bench', 'Belastningstest', 'Load test',
        now() - interval '1 day', now() + interval '$DURATION seconds' + interval '60 seconds', 500000000, 500000, 'open');
INSERT INTO round_country (round_id, country_iso2) VALUES (md5('bench-round')::uuid, 'KE');
INSERT INTO round_component (round_id, programme_key, component_key) VALUES (md5('bench-round')::uuid, 'kommunala-partnerskap', 'project');
-- one complete draft per applicant, with a partner of its own and the letter of intent
INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, status, title, created_by, created_at, updated_at)
SELECT md5('bench-app-' || n)::uuid, md5('bench-round')::uuid, 'kommunala-partnerskap', 'project', m.organisation_id, 'draft',
       'Demokrati i vardagen', 'bench' || n || '@bench.example', now(), now()
FROM generate_series(1, $USERS) n JOIN membership m ON m.user_id = md5('bench-user-' || n)::uuid;
INSERT INTO application_section (application_id, section_key, answers, state, version, saved_by, saved_at)
SELECT md5('bench-app-' || n)::uuid, s.key, s.answers::jsonb, 'completed', 1, 'bench' || n || '@bench.example', now()
FROM generate_series(1, $USERS) n, LATERAL (VALUES
  ('applicant', json_build_object('contactName', json_build_array('Bench ' || n), 'contactEmail', json_build_array('bench' || n || '@bench.example'))::text),
  ('partners', json_build_object('partner1Name', json_build_array('Bench partner ' || n), 'partner1Type', json_build_array('district'),
      'partner1Country', json_build_array('KE'), 'partner1ContactName', json_build_array('Partner Contact'),
      'partner1ContactEmail', json_build_array('partner' || n || '@partner.example'))::text),
  ('core-areas', '{"coreAreas": ["participation"], "theme": ["Medborgardialog"]}'),
  ('challenge', json_build_object('title', json_build_array('Demokrati i vardagen'), 'challenge', json_build_array('Utgångsläge'),
      'objectives', json_build_array('Mål'), 'results', json_build_array('Resultat'))::text),
  ('activities', '{"years": ["1"], "activities": ["Utbyten och workshoppar"], "timePlan": ["Vår och höst"]}'),
  ('budget', '{"line1Category": ["travel"], "line1Description": ["Resor"], "line1Party": ["swedish"], "line1Amount": ["400000"], "requested": ["400000"]}'),
  ('attachments', '{}'),
  ('questions', '{}')) AS s(key, answers);
INSERT INTO attachment (id, application_id, file_name, content_type, size_bytes, sha256, content, added_by, added_at)
SELECT md5('bench-attachment-' || n)::uuid, md5('bench-app-' || n)::uuid, 'avsiktsforklaring.pdf', 'application/pdf',
       length(decode('$PDF_HEX', 'hex')), encode(sha256(decode('$PDF_HEX', 'hex')), 'hex'), decode('$PDF_HEX', 'hex'),
       'bench' || n || '@bench.example', now()
FROM generate_series(1, $USERS) n;
SQL
{
  echo "email,application"
  "${PSQL[@]}" -d $DB -tA -F, -c "SELECT 'bench' || n || '@bench.example', md5('bench-app-' || n)::uuid FROM generate_series(1, $USERS) n"
} > "$WORK/users.csv"

rm -rf "$WORK/gatling"
./mvnw -q -B -f bench/deadline-day/pom.xml gatling:test \
  -DbaseUrl="http://127.0.0.1:$PORT" -DusersFile="$PWD/$WORK/users.csv" -DacksFile="$PWD/$WORK/acks.csv" \
  -Dusers="$USERS" -DdurationSeconds="$DURATION" -DsubmitWindowSeconds="$SUBMIT_WINDOW" -DrampSeconds="$RAMP" \
  -DautosaveEverySeconds="$PACE" -Dgatling.core.directory.results="$PWD/$WORK/gatling" || true
kill $APP; wait $APP 2>/dev/null || true
trap - EXIT

# what was acknowledged and is not in the database
"${PSQL[@]}" -d $DB <<SQL > "$WORK/lost.txt"
CREATE TEMP TABLE ack (application UUID, ack_n INT, ack_version INT, acks INT, reference TEXT);
\copy ack FROM '$WORK/acks.csv' WITH (FORMAT csv, HEADER true)
SELECT
  (SELECT count(*) FROM ack) AS users_finished,
  (SELECT coalesce(sum(acks), 0) FROM ack) AS saves_acknowledged,
  (SELECT count(*) FROM ack a JOIN application_section s ON s.application_id = a.application AND s.section_key = 'challenge'
     WHERE a.acks > 0 AND NOT (s.version >= a.ack_version + 0 AND (s.answers -> 'challenge' ->> 0) LIKE '%save-' || a.ack_n || '-%'))
  + (SELECT count(*) FROM ack a LEFT JOIN application_section s ON s.application_id = a.application AND s.section_key = 'challenge'
     WHERE a.acks > 0 AND s.application_id IS NULL) AS saves_lost,
  (SELECT count(*) FROM ack WHERE coalesce(reference, '') <> '') AS submissions_acknowledged,
  (SELECT count(*) FROM ack a WHERE coalesce(a.reference, '') <> ''
     AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.reference = a.reference AND s.application_id = a.application)) AS submissions_lost,
  (SELECT count(*) FROM submission s JOIN application ap ON ap.id = s.application_id WHERE ap.round_id = md5('bench-round')::uuid) AS snapshots;
SQL
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
json.dump(result, open("bench/results/deadline-day.json", "w"), indent=2, ensure_ascii=False)
print(json.dumps({k: result[k] for k in ("all_requests", "database_check", "lost")}, indent=2))
for name, r in requests.items():
    print(f"{name:15s} n={r['requests']:6d} ko={r['ko']:4d} rps={r['throughput_per_s']:7.1f} p50={r['p50_ms']} p95={r['p95_ms']} p99={r['p99_ms']}")
PY
