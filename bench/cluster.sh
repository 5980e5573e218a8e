#!/usr/bin/env bash
# A local cluster: nginx (the Debian package) as the load balancer in front of two application instances
# from the built jar, both on the PostgreSQL server at 127.0.0.1:5432 (database $DB). Run as root (or any
# user that may run nginx and reach PostgreSQL as postgres).
#
#   bench/cluster.sh run          # foreground: starts everything, prints the URL; Ctrl-C stops everything
#   bench/cluster.sh start        # in the background; returns once every instance is ready
#   bench/cluster.sh stop         # stops nginx and the instances (TERM, then KILL after 30 s)
#   bench/cluster.sh status       # what runs, and each instance's readiness
#   bench/cluster.sh kill N       # kill -9 instance N (1 or 2), as a crash would
#   bench/cluster.sh restart N    # starts instance N again and waits until it is ready
#
# Environment: JAR (default: the executable jar in target/, built with ./mvnw -B -q package -DskipTests if
# missing), INSTANCES (2; 1 puts only instance 1 behind nginx), NGINX_PORT (18090), PORTS ("18091 18092"),
# DB (partnerskap_cluster), FRESH_DB (1 drops and creates it before starting; default 0: created if
# missing), DEMO (true: the demo users and data, loaded once per database), HEAP (768m), POOL (10 database
# connections per instance), MAIL_PORT (an SMTP server on 127.0.0.1; default: each instance's own demo
# catcher), APP_ARGS (more arguments for every instance), WORK (bench/cluster/target: the configuration,
# pid files and logs, nginx-access.log with the upstream(s) each request went to).
#
# Every instance gets the same partnerskap.base-url, the nginx address, and trusts nginx's X-Forwarded-*
# headers (server.forward-headers-strategy=native, nginx on loopback is an internal proxy). Sessions,
# locks and events are in PostgreSQL, so any instance serves any request: no sticky sessions.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
INSTANCES=${INSTANCES:-2}
NGINX_PORT=${NGINX_PORT:-18090}
read -r -a PORT_LIST <<< "${PORTS:-18091 18092}"
DB=${DB:-partnerskap_cluster}
FRESH_DB=${FRESH_DB:-0}
DEMO=${DEMO:-true}
HEAP=${HEAP:-768m}
POOL=${POOL:-10}
MAIL_PORT=${MAIL_PORT:-}
APP_ARGS=${APP_ARGS:-}
WORK=${WORK:-bench/cluster/target}
BASE_URL="http://127.0.0.1:$NGINX_PORT"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

jar() {
  if [ -z "${JAR:-}" ]; then
    # the normal executable jar, not Maven's .original nor a classifier's (such as -server)
    JAR=$(ls target/partnerskap-*.jar 2>/dev/null | grep -Ev '\.original$|-[a-z]+\.jar$' | head -1 || true)
    if [ -z "$JAR" ]; then
      ./mvnw -B -q package -DskipTests
      JAR=$(ls target/partnerskap-*.jar | grep -Ev '\.original$|-[a-z]+\.jar$' | head -1)
    fi
  fi
  [ -f "$JAR" ] || { echo "No jar at $JAR" >&2; exit 1; }
}

port_of() { echo "${PORT_LIST[$(($1 - 1))]}"; }
pid_of() { cat "$WORK/$1.pid" 2>/dev/null || true; }
alive() { local p; p=$(pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
ready() { curl -fs -o /dev/null "http://127.0.0.1:$(port_of "$1")/actuator/health/readiness"; }

# Starts instance $1 in the background (its own session, so it outlives this script) and waits until ready.
start_instance() {
  local n=$1 port; port=$(port_of "$1")
  if alive "app-$n"; then echo "instance $n already runs (pid $(pid_of "app-$n"))"; return; fi
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "Port $port is in use: set PORTS" >&2; exit 1; fi
  local mail=()
  [ -n "$MAIL_PORT" ] && mail=(--spring.mail.host=127.0.0.1 --spring.mail.port="$MAIL_PORT")
  # shellcheck disable=SC2086
  setsid java -Xmx"$HEAP" -jar "$JAR" --server.port="$port" --partnerskap.demo="$DEMO" \
    --partnerskap.base-url="$BASE_URL" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
    --spring.datasource.hikari.maximum-pool-size="$POOL" "${mail[@]}" $APP_ARGS \
    >>"$WORK/app-$n.log" 2>&1 < /dev/null &
  echo $! > "$WORK/app-$n.pid"
  for _ in $(seq 1 900); do
    ready "$n" && { echo "instance $n ready on port $port (pid $(pid_of "app-$n"))"; return; }
    alive "app-$n" || { tail -50 "$WORK/app-$n.log" >&2; echo "instance $n did not start" >&2; exit 1; }
    sleep 0.2
  done
  echo "instance $n not ready after 180 s (log: $WORK/app-$n.log)" >&2; exit 1
}

write_nginx_conf() {
  local servers="" n
  for n in $(seq 1 "$INSTANCES"); do
    servers+="    server 127.0.0.1:$(port_of "$n") max_fails=2 fail_timeout=5s;"$'\n'
  done
  mkdir -p "$WORK/nginx"
  cat > "$WORK/nginx.conf" <<NGINX
# Written by bench/cluster.sh; nginx runs with this file only (-c, -p $WORK), not /etc/nginx.
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
daemon off;
events { worker_connections 2048; }
http {
  # one line per request: when, method, status, the upstream(s) tried and their statuses, time, path
  log_format upstreams '\$msec \$request_method \$status "\$upstream_addr" "\$upstream_status" \$request_time "\$request_uri"';
  access_log $WORK/nginx-access.log upstreams;
  client_body_temp_path $WORK/nginx/client_body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  # above the application's own limit (15 MB), so that the application answers with its translated 413
  client_max_body_size 128m;

  # Passive health only (nginx OSS has no active checks): two failed attempts within 5 s (connection
  # refused or reset, a timeout, a 502) take an instance out for 5 s; then nginx tries it again with real
  # traffic. The readiness probe (/actuator/health/readiness) is for orchestrators; nginx does not read it.
  upstream partnerskap {
$servers    keepalive 16;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://partnerskap;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
      proxy_set_header X-Forwarded-Port \$server_port;
      proxy_connect_timeout 2s;
      # Retries. A request that never reached an instance (connection refused: the instance is down) goes
      # to the other one, whatever its method. Once a request has been sent, nginx passes only GET, HEAD
      # and the other idempotent methods on (after an error, a timeout or a 502); a POST that was
      # sent to an instance that then died is answered 502 and NOT sent again, because the first instance
      # may have committed it. We keep that default on purpose (no "non_idempotent"): a save or a
      # submission is then done at most once by the balancer; the applicant's browser retries (the
      # autosave on the next keystroke, the submit form keeps its idempotency key, so a second press of
      # "Skicka in" finds the first submission instead of making another one).
      # Not http_503: the application answers 503 when its database is down or its pool is exhausted
      # (busy), and nginx counts every listed status against max_fails. With http_503 listed, a load peak
      # took both busy instances out and nginx answered 502 "no live upstreams" (bench/cluster-failover.sh,
      # measured); another instance does not help when the database is the problem. Graceful shutdown
      # refuses new connections (an error, retried), it does not answer 503.
      proxy_next_upstream error timeout http_502;
      proxy_next_upstream_tries 2;
      proxy_next_upstream_timeout 10s;
    }
  }
}
NGINX
}

start_nginx() {
  if alive nginx; then kill -HUP "$(pid_of nginx)"; echo "nginx reloaded"; return; fi
  if curl -s -o /dev/null "$BASE_URL/"; then echo "Port $NGINX_PORT is in use: set NGINX_PORT" >&2; exit 1; fi
  command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx" >&2; exit 1; }
  setsid nginx -c "$WORK/nginx.conf" -p "$WORK" >>"$WORK/nginx-error.log" 2>&1 < /dev/null &
  for _ in $(seq 1 50); do alive nginx && curl -s -o /dev/null "$BASE_URL/" && return; sleep 0.1; done
  cat "$WORK/nginx-error.log" >&2; exit 1
}

stop_pid() { # name
  local p; p=$(pid_of "$1")
  if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
    kill "$p" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null || true
  fi
  rm -f "$WORK/$1.pid"
}

start() {
  jar
  if [ "$FRESH_DB" = 1 ]; then
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  elif [ "$("${PSQL[@]}" -tAc "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" = 0 ]; then
    "${PSQL[@]}" -c "CREATE DATABASE $DB"
  fi
  echo "jar: $JAR"
  # one after the other: the first migrates the database and loads the demo data, the second finds them
  for n in $(seq 1 "$INSTANCES"); do start_instance "$n"; done
  write_nginx_conf
  start_nginx
  echo "Partnerskap: $BASE_URL (nginx in front of $INSTANCES instance(s); logs in $WORK)"
}

stop() {
  stop_pid nginx
  for n in 1 2; do stop_pid "app-$n"; done
  echo "stopped"
}

status() {
  if alive nginx; then echo "nginx: $BASE_URL (pid $(pid_of nginx))"; else echo "nginx: not running"; fi
  for n in 1 2; do
    if alive "app-$n"; then
      echo "instance $n: port $(port_of $n), pid $(pid_of "app-$n"), $(ready $n && echo ready || echo 'not ready')"
    else echo "instance $n: not running"; fi
  done
}

instance_arg() { [[ "${1:-}" =~ ^[12]$ ]] || { echo "Which instance? 1 or 2" >&2; exit 1; }; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  run)
    trap 'echo; stop; exit 0' INT TERM
    start
    echo "Ctrl-C stops nginx and the instances."
    while alive nginx; do sleep 1; done
    stop ;;
  kill) instance_arg "${2:-}"; p=$(pid_of "app-$2"); [ -n "$p" ] && kill -9 "$p"; echo "instance $2 killed (pid $p)" ;;
  restart) instance_arg "${2:-}"; jar; alive "app-$2" && stop_pid "app-$2"; start_instance "$2" ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 1 ;;
esac
