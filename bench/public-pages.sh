#!/usr/bin/env bash
# Public pages, measured: throughput, latency and bytes on the wire of the public pages on the running
# application, and in the same run of nginx (the Debian package) serving saved copies of the same pages
# as static files. Both send gzip to a client that asks for it (wrk sends Accept-Encoding: gzip): the
# application its own (cached pages keep a gzip copy, made on first use at level 6; the others Tomcat compresses), nginx
# gzip_static copies made with gzip -9 (the smallest, in its favour). Writes both, and the ratio app/nginx per page, to
# bench/results/public-pages.json.
#
#   bench/public-pages.sh                                   # as root: installs nginx and wrk if missing
#   PAGES="/kommunala-partnerskap /projekt" bench/public-pages.sh
#   DURATION=10 CONNECTIONS=16 bench/public-pages.sh
#
# PAGES is a space-separated list of paths (a query allowed); the word @first-item stands for the first
# news item linked from /nyheter (default: "/ /kommunala-partnerskap /nyheter @first-item /projekt /karta
# /publikationer /sok?q=demokrati"). NOTE is written into the results (say, that the machine was loaded).
# Both servers get the same load:
# wrk with THREADS threads (2), CONNECTIONS connections (32) for DURATION seconds (20) after a WARMUP (10 s)
# against each page, one page and one server at a time. The application runs from its jar on the
# PostgreSQL server at 127.0.0.1:5432 (database DB, default partnerskap_bench_pages, dropped and created again, demo
# data on); nginx runs from its own configuration in a temporary directory on NGINX_PORT (18081).
# Everything started here is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
PORT=${PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
PAGES=${PAGES:-"/ /kommunala-partnerskap /nyheter @first-item /projekt /karta /publikationer /sok?q=demokrati"}
GZIP_LEVEL=9
export NOTE=${NOTE:-}
DB=${DB:-partnerskap_bench_pages}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "nginx and wrk are missing: run as root to install them (apt-get install nginx wrk)" >&2; exit 1; }
  # no service start by the package's scripts: this benchmark runs its own nginx
  POLICY=/usr/sbin/policy-rc.d
  created_policy=false
  if [ ! -e "$POLICY" ]; then printf '#!/bin/sh\nexit 101\n' > "$POLICY"; chmod +x "$POLICY"; created_policy=true; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx wrk >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx wrk >/dev/null; }
  if $created_policy; then rm -f "$POLICY"; fi
fi
NGINX=$(command -v nginx)

for p in "$PORT" "$NGINX_PORT"; do
  if curl -s -o /dev/null "http://127.0.0.1:$p/"; then echo "Port $p is in use: set PORT / NGINX_PORT" >&2; exit 1; fi
done

./mvnw -q -B -DskipTests package
# the demo jar (the server jar has no mail catcher for demo mode)
JAR=$(ls target/partnerskap-*.jar | grep -v -e original -e -server.jar | head -1)
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
WORK=$(mktemp -d)
chmod 755 "$WORK"
LOG="$WORK/app.log"
java ${HEAP_OPTS:--Xms512m -Xmx1g} -jar "$JAR" --server.port="$PORT" --partnerskap.demo=true \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
  --logging.level.root=WARN >"$LOG" 2>&1 &
APP=$!
NGINX_PID=""
cleanup() {
  kill "$APP" 2>/dev/null || true
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 $APP 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.2
done
# the demo data is loaded after start-up
for _ in $(seq 1 300); do
  [ "$("${PSQL[@]}" -d $DB -tAc "SELECT count(*) FROM demo_load")" -ge 1 ] 2>/dev/null && break
  sleep 0.2
done

# the pages, and a saved copy of each for nginx (same address: /x is served from www/x/index.html,
# /x?q=y from www/x/q=y/index.html), with its gzip copy at the level of the application's (gzip_static)
WWW="$WORK/www"
mkdir -p "$WWW"
resolved=()
files=()
for p in $PAGES; do
  if [ "$p" = "@first-item" ]; then
    p=$(curl -fs "http://127.0.0.1:$PORT/nyheter" | grep -o 'href="/nyheter/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"$//')
    [ -n "$p" ] || { echo "No news item linked from /nyheter" >&2; exit 1; }
  fi
  path=${p%%\?*}
  dir="$WWW${path%/}"
  if [ "$path" != "$p" ]; then dir="$dir/${p#*\?}"; fi
  mkdir -p "$dir"
  curl -fs -o "$dir/index.html" "http://127.0.0.1:$PORT$p"
  gzip -"$GZIP_LEVEL" -n -k "$dir/index.html"
  resolved+=("$p")
  files+=("$dir/index.html")
done
chmod -R a+rX "$WWW"

cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  gzip_static on;
  gzip_vary on;
  keepalive_requests 100000;
  client_body_temp_path $WORK/client_body;
  proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi;
  scgi_temp_path $WORK/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WWW;
    location / { try_files \$uri/\$args/index.html \$uri/index.html \$uri =404; }
  }
}
NGINX
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
for _ in $(seq 1 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT${resolved[0]}" && break
  sleep 0.1
done

run_wrk() { # url outfile
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H 'Accept-Encoding: gzip' "$1" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -H 'Accept-Encoding: gzip' --latency "$1" > "$2"
}
wire() { # url outfile: the bytes of the body as sent to a client taking gzip, and its Content-Encoding
  curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -D "$2.headers" -w '%{size_download}' "$1" > "$2"
  grep -i '^content-encoding:' "$2.headers" | tr -d '\r' | awk '{print $2}' > "$2.encoding" || true
}
i=0
for p in "${resolved[@]}"; do
  wire "http://127.0.0.1:$PORT$p" "$WORK/app-$i.bytes"
  wire "http://127.0.0.1:$NGINX_PORT$p" "$WORK/nginx-$i.bytes"
  run_wrk "http://127.0.0.1:$PORT$p" "$WORK/app-$i.txt"
  run_wrk "http://127.0.0.1:$NGINX_PORT$p" "$WORK/nginx-$i.txt"
  i=$((i + 1))
done

mkdir -p bench/results
python3 - "$WORK" "${#resolved[@]}" "${resolved[@]}" "${files[@]}" <<'PY'
import datetime, json, os, platform, re, subprocess, sys
work, n = sys.argv[1], int(sys.argv[2])
pages, files = sys.argv[3:3 + n], sys.argv[3 + n:]
def ms(value):
    m = re.match(r"([\d.]+)(us|ms|s)", value)
    n, unit = float(m.group(1)), m.group(2)
    return round(n / 1000 if unit == "us" else n * 1000 if unit == "s" else n, 3)
def parse(path):
    text = open(path).read()
    lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", text, re.M))
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {"requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
            "requests": int(re.search(r"(\d+) requests in", text).group(1)),
            "latency_p50_ms": ms(lat["50"]), "latency_p90_ms": ms(lat["90"]), "latency_p99_ms": ms(lat["99"]),
            "non_2xx_3xx": int(non_ok.group(1)) if non_ok else 0}
def names(p):
    return {"/": "home", "/nyheter": "newsroom list", "/kommunala-partnerskap": "programme page",
            "/projekt": "project directory", "/karta": "map", "/publikationer": "publications",
            "/sok?q=demokrati": "search"}.get(p, "item page" if p.startswith("/nyheter/") else p)
def wire(server, i):
    base = f"{work}/{server}-{i}.bytes"
    return {"bytes": int(open(base).read().strip()), "content_encoding": open(base + ".encoding").read().strip() or None}
results = []
for i, page in enumerate(pages):
    app, nginx = parse(f"{work}/app-{i}.txt"), parse(f"{work}/nginx-{i}.txt")
    app["wire"], nginx["wire"] = wire("app", i), wire("nginx", i)
    results.append({"page": page, "name": names(page), "html_bytes": os.path.getsize(files[i]), "app": app, "nginx": nginx,
                    "throughput_ratio_app_to_nginx": round(app["requests_per_s"] / nginx["requests_per_s"], 4)})
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
def version(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    return (r.stdout + r.stderr).strip().splitlines()[0]
result = {
    "measured_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "command": "bench/public-pages.sh",
    "load": {"tool": version(["wrk", "--version"]), "accept_encoding": "gzip", "threads": int(os.environ.get("THREADS", 2)),
             "connections": int(os.environ.get("CONNECTIONS", 32)), "duration_s": int(os.environ.get("DURATION", 20)),
             "warmup_s": int(os.environ.get("WARMUP", 10))},
    "machine": {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem / 1024 / 1024, 1), "os": platform.platform(),
                "java": version(["java", "-version"]), "nginx": version(["nginx", "-v"]),
                "note": "wrk, the application, PostgreSQL and nginx on the same machine; one page and one server at a time"
                        + ("; " + os.environ["NOTE"] if os.environ.get("NOTE") else "")},
    "compression": {"app": "cached pages: their gzip copy, made on first use (level 6); others: Tomcat (level 6)",
                    "nginx": "gzip_static, copies made with gzip -9"},
    "pages": results,
}
json.dump(result, open("bench/results/public-pages.json", "w"), indent=2, ensure_ascii=False)
for r in results:
    print(f"{r['page']:32s} {r['html_bytes']:7d} B, wire app {r['app']['wire']['bytes']:7d} nginx {r['nginx']['wire']['bytes']:7d}"
          f" | app {r['app']['requests_per_s']:9.1f}/s p50 {r['app']['latency_p50_ms']:7.2f} ms p99 {r['app']['latency_p99_ms']:7.2f} ms"
          f" | nginx {r['nginx']['requests_per_s']:9.1f}/s p50 {r['nginx']['latency_p50_ms']:7.2f} ms p99 {r['nginx']['latency_p99_ms']:7.2f} ms"
          f" | ratio {r['throughput_ratio_app_to_nginx']:.4f}")
PY
