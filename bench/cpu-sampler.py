#!/usr/bin/env python3
"""Samples CPU time, twice a second, until it is stopped: the application's JVM (its pid) and PostgreSQL (every
process of the user postgres, plus what the postmasters' exited children used), in clock ticks, with the time.

    bench/cpu-sampler.py APP_PID OUT.csv

Each line: epoch milliseconds, the application's ticks (user + system), PostgreSQL's ticks. bench/cost-lib.sh
turns two points of it into CPU milliseconds per operation.
"""
import os, pwd, sys, time

app, out = int(sys.argv[1]), sys.argv[2]
postgres = pwd.getpwnam("postgres").pw_uid


def ticks(pid, children=False):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    # after the name: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based over the whole line)
    own = int(fields[11]) + int(fields[12])
    return own + (int(fields[13]) + int(fields[14]) if children else 0)


def postgres_ticks():
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.stat(f"/proc/{pid}").st_uid != postgres:
                continue
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        # a postmaster (its parent is not postgres) also counts its exited backends
        try:
            parent_uid = os.stat(f"/proc/{ppid}").st_uid
        except OSError:
            parent_uid = -1
        total += ticks(int(pid), children=parent_uid != postgres)
    return total


with open(out, "w", buffering=1) as f:
    f.write("ms,app_ticks,pg_ticks\n")
    while True:
        f.write(f"{int(time.time() * 1000)},{ticks(app)},{postgres_ticks()}\n")
        time.sleep(0.5)
