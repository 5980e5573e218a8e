"""Writes bench/results/cluster.json from the runs of bench/cluster-failover.sh: argv[1] is the cluster's
work directory, the rest the runs (one, two, failover), each a directory there with Gatling's report,
the database check (lost.txt), the simulation's events (events.csv), the receipts counted at the mail
server, the duplicate count and nginx's access log."""
import csv, datetime, json, os, platform, re, subprocess, sys

work, phases = sys.argv[1], sys.argv[2:]
GRACE_MS = 10_000  # after the restarted instance is ready: nginx's fail_timeout (5 s) and some


def gatling(d):
    html = open(next(os.path.join(d, "gatling", x, "index.html") for x in os.listdir(os.path.join(d, "gatling"))),
                encoding="utf-8").read()
    rows = {}
    for m in re.finditer(r'<tr id="(ROOT|req_[^"]+)"[^>]*>(.*?)</tr>', html, re.S):
        cells = re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', m.group(2))
        name = re.search(r'class="ellipsed-name">([^<]+)<', m.group(2)).group(1).strip()
        v = {int(c): float(x) for c, x in cells}
        rows[name] = {"requests": int(v[2]), "ok": int(v[3]), "ko": int(v[4]), "throughput_per_s": v[6],
                      "p50_ms": v[8], "p95_ms": v[10], "p99_ms": v[11], "max_ms": v[12]}
    return rows


def read(d, name, default=None):
    p = os.path.join(d, name)
    return open(p).read().strip() if os.path.exists(p) else default


def database_check(d):
    names = ["users_finished", "saves_acknowledged", "saves_lost", "submissions_acknowledged", "submissions_lost", "snapshots"]
    row = [l for l in open(os.path.join(d, "lost.txt")).read().strip().splitlines() if "|" in l and not l.strip().startswith("users")][-1]
    return dict(zip(names, [int(v.strip()) for v in row.split("|")]))


def nginx(d, start_ms=None, end_ms=None):
    """Requests nginx answered 5xx, and those it passed to a second instance, by method (in the window if given)."""
    out = {"answered_5xx": 0, "passed_to_second_instance": {}}
    for line in open(os.path.join(d, "nginx-access.log")):
        m = re.match(r'([\d.]+) (\S+) (\d+) "([^"]*)" "([^"]*)"', line)
        if not m:
            continue
        t = float(m.group(1)) * 1000
        if start_ms is not None and not (start_ms <= t <= end_ms):
            continue
        if int(m.group(3)) >= 500:
            out["answered_5xx"] += 1
        if "," in m.group(4):
            k = f"{m.group(2)} {m.group(5)}"
            out["passed_to_second_instance"][k] = out["passed_to_second_instance"].get(k, 0) + 1
    return out


result_phases = {}
for p in phases:
    d = os.path.join(work, p)
    rows = gatling(d)
    db = database_check(d)
    events = list(csv.DictReader(open(os.path.join(d, "events.csv"))))
    delivered, mail_dups, _ = (int(float(x)) for x in read(d, "mails-count").split())
    due = sum(1 for l in open(os.path.join(d, "due.csv")) if l.strip())
    r = {
        "instances": int(read(d, "instances")),
        "load_average_before_after": [read(d, "loadavg-before").split()[:3], read(d, "loadavg-after").split()[:3]],
        "all_requests": rows.pop("All Requests"),
        "requests": {k: rows[k] for k in ("autosave", "submit", "section page", "login") if k in rows},
        "database_check": db,
        "lost": db["saves_lost"] + db["submissions_lost"],
        "duplicate_submissions": int(read(d, "duplicate-submissions")),
        "receipts_due": due, "receipts_delivered": delivered, "duplicate_receipts": mail_dups,
        "requests_failed": sum(1 for e in events if e["login_again"] != "true"),
        "nginx_upstream_errors": {k: sum(k in l for l in open(os.path.join(d, "nginx-error.log"))) for k in ("Connection refused", "reset by peer", "prematurely closed")},
        "asked_to_log_in_again": sum(1 for e in events if e["login_again"] == "true"),
        "nginx": nginx(d),
    }
    killed = read(d, "killed_at")
    if killed:
        killed, began, back = int(killed), int(read(d, "restart_began")), int(read(d, "back_at"))
        window = [e for e in events if killed <= int(e["time_ms"]) <= back + GRACE_MS]
        by = {}
        for e in window:
            k = f"{e['request']} {e['status']}"
            by[k] = by.get(k, 0) + 1
        r["kill"] = {"instance": int(os.environ.get("KILL", 2)), "down_s": round((began - killed) / 1000, 1),
                     "restart_until_ready_s": round((back - began) / 1000, 1),
                     "window_s": round((back + GRACE_MS - killed) / 1000, 1),
                     "requests_failed_during_kill": sum(1 for e in window if e["login_again"] != "true"),
                     "failed_by_request_and_status": by,
                     "nginx_during_kill": nginx(d, killed, back + GRACE_MS)}
    result_phases[p] = r

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
pg = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAXc", "SHOW server_version"], capture_output=True, text=True).stdout.strip()
ngx = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
params = {k: int(os.environ[k]) for k in ("USERS", "DURATION", "SUBMIT_WINDOW", "RAMP", "PACE", "KILL_AT", "DOWN_FOR", "MAIL_WAIT")}
result = {
    "measured_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "command": "bench/cluster-failover.sh",
    "run_seconds": int(read(work, "seconds", "0")),
    "parameters": params,
    "machine": {"cpu": cpu, "cores": os.cpu_count(), "os": platform.platform(),
                "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
                "postgresql": pg, "nginx": ngx,
                "note": os.environ.get("MACHINE_NOTE", "Gatling, nginx, the instances and PostgreSQL on the same machine")},
    "throughput": {p: {"instances": r["instances"], "requests_per_s": r["all_requests"]["throughput_per_s"],
                       "p50_ms": r["all_requests"]["p50_ms"], "p95_ms": r["all_requests"]["p95_ms"],
                       "p99_ms": r["all_requests"]["p99_ms"], "ko": r["all_requests"]["ko"]}
                   for p, r in result_phases.items()},
    "requests_failed_during_kill": result_phases.get("failover", {}).get("kill", {}).get("requests_failed_during_kill"),
    "lost": sum(r["lost"] for r in result_phases.values()),
    "duplicates": sum(r["duplicate_submissions"] + r["duplicate_receipts"] for r in result_phases.values()),
    "sessions_survived": all(r["asked_to_log_in_again"] == 0 for r in result_phases.values()),
    "runs": result_phases,
}
json.dump(result, open("bench/results/cluster.json", "w"), indent=2, ensure_ascii=False)
print(json.dumps({k: result[k] for k in ("throughput", "requests_failed_during_kill", "lost", "duplicates", "sessions_survived")}, indent=2))
