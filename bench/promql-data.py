#!/usr/bin/env python3
"""Writes the PromQL benchmark's series twice: Prometheus text format with millisecond
timestamps in chunks for Watchkeeper's import, and one OpenMetrics file for promtool.

    promql-data.py OUT_DIR SERIES MINUTES START_SECONDS

Series (for SERIES=10000): 50% http_requests_total counters (instance x status x method),
40% http_request_duration_seconds_bucket (instance x route x 8 le), 9% up, 1% database_up;
one sample every 15 s. Deterministic (seeded)."""
import os
import random
import sys

out, total, minutes, start = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
random.seed(5)
steps = minutes * 4 + 1
times = [start + 15 * i for i in range(steps)]
LE = ["0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "+Inf"]
STATUS = ["200", "201", "301", "400", "404", "429", "500", "502", "503", "504"]
METHOD = ["GET", "POST", "PUT", "DELETE", "PATCH"]


def series():
    counters = total // 2
    buckets = (total * 4 // 10) // len(LE) * len(LE)
    ups = total - counters - buckets
    n = 0
    while n < counters:
        i, s, m = n // 50, STATUS[(n // 5) % 10], METHOD[n % 5]
        rate = 0.2 if s.startswith("5") else 3.0
        v, vals = random.randint(0, 1000), []
        for _ in times:
            v += random.randint(0, int(rate * 30))
            vals.append(v)
        yield 'http_requests_total{job="backend",instance="i-%04d",status="%s",method="%s"}' % (i, s, m), vals
        n += 1
    hist = buckets // len(LE)
    for h in range(hist):
        cum = [0] * len(LE)
        rows = [[] for _ in LE]
        for _ in times:
            for _ in range(random.randint(0, 30)):
                lat = random.lognormvariate(-2.0, 1.2)
                for b, le in enumerate(LE):
                    if le == "+Inf" or lat <= float(le):
                        cum[b] += 1
            for b in range(len(LE)):
                rows[b].append(cum[b])
        for b, le in enumerate(LE):
            yield 'http_request_duration_seconds_bucket{job="backend",instance="i-%04d",route="r%d",le="%s"}' % (
                h // 5, h % 5, le), rows[b]
    for u in range(ups):
        name = "database_up" if u < ups // 10 else "up"
        job = "postgres" if name == "database_up" else ["backend", "worker", "cache", "queue", "web"][u % 5]
        vals, state = [], 1
        for _ in times:
            if random.random() < 0.01:
                state = 1 - state
            vals.append(state)
        yield '%s{job="%s",instance="u-%05d"}' % (name, job, u), vals


om = open(os.path.join(out, "data.om"), "w")
chunk, lines, count = 0, 0, 0
text = open(os.path.join(out, "import-%03d.txt" % chunk), "w")
for name, vals in series():
    count += 1
    for t, v in zip(times, vals):
        om.write("%s %s %d\n" % (name, v, t))
        text.write("%s %s %d\n" % (name, v, t * 1000))
        lines += 1
    if lines >= 200000:
        text.close()
        chunk, lines = chunk + 1, 0
        text = open(os.path.join(out, "import-%03d.txt" % chunk), "w")
text.close()
om.write("# EOF\n")
om.close()
print(count)
