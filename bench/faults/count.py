"""Counts the receipts the sink took against those due: prints 'delivered duplicates last_at' where
delivered is the number of due (reference, recipient) pairs that arrived, duplicates the arrivals beyond
the first of a pair, and last_at the arrival time of the last due pair (0 if none)."""
import json
import sys

due = set()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line:
            reference, to = line.split(",", 1)
            due.add((reference, to.lower()))
seen, duplicates, last_at = {}, 0, 0.0
try:
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            key = (m["reference"], m["to"])
            if not m["reference"]:
                continue
            if key in seen:
                duplicates += 1
            else:
                seen[key] = m["at"]
except FileNotFoundError:
    pass
arrived = [seen[k] for k in due if k in seen]
print(len(arrived), duplicates, max(arrived) if arrived else 0)
