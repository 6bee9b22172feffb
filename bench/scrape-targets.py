#!/usr/bin/env python3
"""Serves TARGETS exposition endpoints at /t/<n>/metrics on 127.0.0.1:PORT, each with SERIES
series in the Prometheus text format (a histogram, counters and gauges, as an application
exports them); counter values grow with every scrape. Prints the port once listening."""
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

targets, series = int(sys.argv[1]), int(sys.argv[2])
scrapes = [0] * targets
lock = threading.Lock()
BUCKETS = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "+Inf"]


def body(n, k):
    lines = ["# HELP bench_requests_total Requests.", "# TYPE bench_requests_total counter"]
    routes = max(1, series // 20)
    count = 0
    for r in range(routes):
        for status in ("200", "500"):
            lines.append(f'bench_requests_total{{route="/r{r}",status="{status}"}} {k * (r + 1)}')
            count += 1
        for i, le in enumerate(BUCKETS):
            lines.append(f'bench_request_duration_seconds_bucket{{route="/r{r}",le="{le}"}} {k * (i + 1)}')
            count += 1
        lines.append(f'bench_request_duration_seconds_sum{{route="/r{r}"}} {k * 0.37}')
        lines.append(f'bench_request_duration_seconds_count{{route="/r{r}"}} {k * 11}')
        count += 2
    g = 0
    while count < series:
        lines.append(f'bench_gauge{{index="{g}",target="{n}"}} {g + k}')
        g += 1
        count += 1
    return ("\n".join(lines) + "\n").encode()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        parts = self.path.split("/")
        try:
            n = int(parts[2])
        except (IndexError, ValueError):
            self.send_error(404)
            return
        if not 0 <= n < targets:
            self.send_error(404)
            return
        with lock:
            scrapes[n] += 1
            k = scrapes[n]
        data = body(n, k)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
