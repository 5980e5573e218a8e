#!/usr/bin/env bash
# Cost as the data grows: the demo data grown by SQL (bench/scale-grow.sql) to 1×, 10× and 100×, and at each
# size the median time of 10 requests (after WARMUP requests) of each page or export below, its bytes and the
# JVM's resident memory afterwards. Writes bench/results/scale.json.
#
#   bench/scale.sh                   # FACTORS="1 10 100"
#   FACTORS="1 10" RUNS=5 bench/scale.sh
#   SET=open-data FACTORS="1 100" bench/scale.sh   # only the open data's downloads and the statistics
#   JAR=/tmp/before/target/partnerskap-0.1.0-SNAPSHOT.jar OUT=bench/results/scale-before.json bench/scale.sh
#
# The jar is built, then started once on a fresh database (SEED, default partnerskap_scale_seed) with the demo
# data and stopped; each size is a copy of that database (partnerskap_scale_<F>) grown by SQL, with the
# application started on it (PORT, 19980) and stopped afterwards. Pages, as who:
#   officer (olle.officer@icld.demo.example): /uppfoljning, its export, the dashboard, ranking and export of
#       the first grown round (200 applications at every size), the audit log filtered by that round
#   applicant (anna.applicant@karlstad.demo.example, 1.27·F applications): /ansokningar/mina
#   anonymous: /sitemap.xml (and, when it is an index, its last part), /sok?q=demokrati
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
PORT=${PORT:-19980}
FACTORS=${FACTORS:-"1 10 100"}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-5}
SET=${SET:-all} # all, pages (the officer's, the applicant's and the sitemap and search) or open-data
SEED=${SEED:-partnerskap_scale_seed}
PASSWORD=partnerskap-demo
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
BASE="http://127.0.0.1:$PORT"

if curl -s -o /dev/null "$BASE/"; then echo "Port $PORT is in use: set PORT" >&2; exit 1; fi
if [ -z "${JAR:-}" ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/partnerskap-*.jar | grep -v -e original -e server | head -1)
fi
WORK=$(mktemp -d)
APP=""
cleanup() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

start() { # database
  java -Xmx1g -jar "$JAR" --server.port="$PORT" --partnerskap.demo="$2" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$1" --spring.datasource.username=postgres \
    --logging.level.root=WARN >"$WORK/app-$1.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 900); do
    curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$APP" 2>/dev/null || { cat "$WORK/app-$1.log"; exit 1; }
    sleep 0.2
  done
  echo "not ready" >&2; exit 1
}
stop() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""; }

# the demo data, loaded once by the application itself
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $SEED WITH (FORCE)" -c "CREATE DATABASE $SEED"
start "$SEED" true
for _ in $(seq 1 600); do
  [ "$("${PSQL[@]}" -d "$SEED" -tAc "SELECT count(*) FROM demo_load WHERE data_set = 'follow-up'" 2>/dev/null)" = 1 ] && break
  sleep 0.5
done
sleep 2
stop

login() { # jar email
  local csrf
  csrf=$(curl -s -c "$1" -b "$1" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$1" -b "$1" --data-urlencode "email=$2" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "lang=sv" --data-urlencode "_csrf=$csrf" "$BASE/login"
}

measure() { # factor who jar path  -> appends a line: factor who path status bytes t1 t2 ...
  local times=() out code
  for _ in $(seq 1 "$WARMUP"); do curl -s -o /dev/null ${3:+-b "$3"} "$BASE$4"; done
  for _ in $(seq 1 "$RUNS"); do
    out=$(curl -s -o "$WORK/body" -w '%{http_code} %{size_download} %{time_total}' ${3:+-b "$3"} "$BASE$4")
    code=${out%% *}
    times+=("${out##* }")
  done
  echo "$1 $2 $4 $code $(echo "$out" | cut -d' ' -f2) ${times[*]}" >>"$WORK/measurements"
}

: >"$WORK/measurements"
: >"$WORK/memory"
for F in $FACTORS; do
  DB=partnerskap_scale_$F
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB TEMPLATE $SEED"
  "${PSQL[@]}" -d "$DB" -v factor="$F" -f bench/scale-grow.sql >/dev/null
  COUNTS=$("${PSQL[@]}" -d "$DB" -tA -F' ' -c "SELECT (SELECT count(*) FROM funded_partnership),
    (SELECT count(*) FROM application), (SELECT count(*) FROM news_item), (SELECT count(*) FROM audit_entry),
    (SELECT count(*) FROM round)")
  start "$DB" false
  ROUND=$("${PSQL[@]}" -d "$DB" -tAc "SELECT md5('scale-round-1')::uuid")
  OFFICER="$WORK/officer.jar"; APPLICANT="$WORK/applicant.jar"; rm -f "$OFFICER" "$APPLICANT"
  login "$OFFICER" olle.officer@icld.demo.example
  login "$APPLICANT" anna.applicant@karlstad.demo.example
  if [ "$SET" = all ] || [ "$SET" = pages ]; then
    for path in /uppfoljning /uppfoljning/export.xlsx "/handlaggning/omgangar/$ROUND" \
        "/handlaggning/omgangar/$ROUND/rangordning" "/handlaggning/omgangar/$ROUND/export.xlsx" \
        "/handlaggning/logg?round=$ROUND"; do
      measure "$F" officer "$OFFICER" "$path"
    done
    measure "$F" applicant "$APPLICANT" /ansokningar/mina
    measure "$F" anonymous "" /sitemap.xml
    PART=$(curl -s "$BASE/sitemap.xml" | grep -o '<sitemap><loc>[^<]*' | tail -1 | sed 's/.*<loc>//; s|^https\?://[^/]*||' || true)
    if [ -n "$PART" ]; then measure "$F" anonymous "" "$PART"; fi
    measure "$F" anonymous "" "/sok?q=demokrati"
  fi
  if [ "$SET" = all ] || [ "$SET" = open-data ]; then
    # the open data (issue 18): downloads made afresh on every request, and the statistics' CSV (the page's figures
    # uncached) and page (cached: after the warm-up a cache hit)
    for path in "/api/v1/projects?size=20" "/api/v1/projects?country=KE&size=100" /api/v1/projects.csv \
        /api/v1/360giving.json /api/v1/iati/activities.xml "/statistik.csv?per=year" "/statistik.csv?per=country" \
        "/statistik?per=round"; do
      measure "$F" anonymous "" "$path"
    done
  fi
  echo "$F $(awk '/VmRSS/ {print $2}' /proc/$APP/status) $COUNTS" >>"$WORK/memory"
  stop
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
done

python3 - "$WORK" "$RUNS" "$WARMUP" <<'PY'
import datetime, json, os, platform, statistics, subprocess, sys
work, runs, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pages = {}
for line in open(os.path.join(work, "measurements")):
    f, who, path, code, size, *times = line.split()
    page = pages.setdefault(path.split("/omgangar/")[0] + "/omgangar/{round}" + path.split("/omgangar/")[1][36:]
                            if "/omgangar/" in path else path.split("?round=")[0] + "?round={round}"
                            if "?round=" in path else path, {"as": who, "sizes": {}})
    ms = [float(t) * 1000 for t in times]
    page["sizes"][f + "x"] = {"status": int(code), "bytes": int(size), "median_ms": round(statistics.median(ms), 1),
                              "min_ms": round(min(ms), 1), "max_ms": round(max(ms), 1)}
memory = {}
for line in open(os.path.join(work, "memory")):
    f, rss, fp, apps, news, audit, rounds = line.split()
    memory[f + "x"] = {"rss_mib": round(int(rss) / 1024), "funded_projects": int(fp), "applications": int(apps),
                       "news_items": int(news), "audit_entries": int(audit), "rounds": int(rounds)}
for page in pages.values():
    one = page["sizes"].get("1x")
    for k, v in page["sizes"].items():
        if one and one["median_ms"] > 0:
            v["ratio_to_1x"] = round(v["median_ms"] / one["median_ms"], 2)
result = {
    "command": "bench/scale.sh" + (" (JAR=" + os.environ["JAR"] + ")" if os.environ.get("JAR") else ""),
    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "machine": f"{os.cpu_count()} cores, {platform.machine()}, {platform.platform()}; " + os.environ.get("NOTE", "nothing else running"),
    "method": f"median of {runs} sequential curl requests after {warmup} warm-up requests, per page and size; RSS of the JVM after all pages of a size",
    "sizes": memory,
    "pages": pages,
}
json.dump(result, open(os.environ.get("OUT", "bench/results/scale.json"), "w"), indent=2, ensure_ascii=False)
print(json.dumps(result, indent=2, ensure_ascii=False))
PY
