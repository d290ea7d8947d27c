#!/usr/bin/env python3
"""A PostHog stand-in for the benchmark, on loopback.

It serves generated live state the way PostHog does: limit/offset pages in the standard envelope,
actions answered whole, archived flags and experiments listed apart, the light list shapes of
experiments (no metrics) and dashboards (no tiles) with the full object one GET away, one GET per
object by id, PATCH that stores what it is sent, and DRF's burst throttle (a rolling window per key,
answered with PostHog's 429 body). Object shapes are copied from the test fixtures in
src/test/resources/fixtures/, so what the tool reads here is what its tests read.

Every answer waits the configured latency first. The benchmark steers it over a control path
that is not counted: GET /__bench/stats, POST /__bench/reset, POST /__bench/config with JSON
{"latency_ms": 30, "rate_limit": 480}.

Usage: fake_posthog.py [--port PORT] [--flags N --cohorts N --actions N --experiments N
                       --dashboards N] [--latency-ms MS] [--rate-limit PER_MINUTE]
"""
import argparse
import copy
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PROJECT = 4242
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "fixtures")
PAGE_DEFAULT = 100


def fixture(name):
    with open(os.path.join(FIXTURES, name)) as f:
        return json.load(f)


def flag(i, key, cohort, experiment=None):
    filters = {
        "groups": [
            {"properties": [{"key": "email", "type": "person", "value": "@example.com", "operator": "icontains"}],
             "rollout_percentage": 100, "variant": None, "aggregation_group_type_index": None},
            {"properties": [{"key": "id", "type": "cohort", "value": cohort["id"], "operator": "in",
                             "cohort_name": cohort["name"]}],
             "rollout_percentage": float(i % 100), "variant": None, "aggregation_group_type_index": None}],
        "multivariate": {"variants": [{"key": "control", "name": None, "rollout_percentage": 50},
                                      {"key": "test", "name": None, "rollout_percentage": 50}]},
        "aggregation_group_type_index": None,
        "payloads": {"test": json.dumps({"color": "green", "n": i})}}
    if experiment is not None:
        filters = copy.deepcopy(experiment["feature_flag"]["filters"])
    return {
        "id": 5000 + i, "key": key, "name": f"Flag number {i}", "deleted": False,
        "active": experiment is not None or i % 7 != 0, "archived": False, "version": 4, "status": "ACTIVE",
        "ensure_experience_continuity": False, "evaluation_runtime": "all",
        "bucketing_identifier": "distinct_id", "is_remote_configuration": False,
        "has_encrypted_payloads": False, "has_enriched_analytics": False, "tags": [],
        "evaluation_contexts": [], "experiment_set": [] if experiment is None else [experiment["id"]],
        "updated_at": "2025-05-09T16:40:51.004311Z", "filters": filters}


def build(counts):
    cohorts = [{"id": 1000 + i, "name": f"Cohort {i}", "description": "", "groups": [], "deleted": False,
                "is_static": False, "query": None, "cohort_type": "realtime", "count": 10, "version": 3,
                "filters": {"properties": {"type": "OR", "values": [{"type": "AND", "values": [
                    {"key": "plan", "type": "person", "value": [f"tier-{i}"], "operator": "exact",
                     "negation": False, "bytecode": ["_H", 1, 32], "conditionHash": "5f0c2a9d81b3e4c7"}]}]}}}
               for i in range(max(1, counts.cohorts))]
    action_template = fixture("action.retrieve.json")
    actions = []
    for i in range(counts.actions):
        action = copy.deepcopy(action_template)
        action.update({"id": 300 + i, "name": f"Action {i}"})
        for step in action.get("steps", []):
            step["event"] = f"event_{i}"
        actions.append(action)
    experiment_template = fixture("experiment.retrieve.json")
    experiments = []
    for i in range(counts.experiments):
        experiment = copy.deepcopy(experiment_template)
        key = f"experiment-{i:04d}"
        experiment.update({"id": 700 + i, "name": f"Experiment {i}", "feature_flag_key": key})
        experiment["feature_flag"].update({"id": 5000 + counts.flags + i, "key": key,
                                           "name": f"Feature Flag for Experiment {i}"})
        for metric in experiment.get("metrics", []):
            metric["uuid"] = f"6a0f3c2e-9b1d-4e57-8a63-{i:012d}"
        experiment["primary_metrics_ordered_uuids"] = [m["uuid"] for m in experiment.get("metrics", [])]
        experiments.append(experiment)
    flags = [flag(i, f"flag-{i:05d}", cohorts[i % len(cohorts)]) for i in range(counts.flags)]
    flags += [flag(counts.flags + i, e["feature_flag_key"], cohorts[0], e) for i, e in enumerate(experiments)]
    dashboard_template = fixture("dashboard.retrieve.json")
    dashboards = []
    for i in range(counts.dashboards):
        dashboard = copy.deepcopy(dashboard_template)
        dashboard.update({"id": 3100 + i, "name": f"Dashboard {i}"})
        for n, tile in enumerate(dashboard.get("tiles", [])):
            tile["id"] = 90000 + 10 * i + n
            if tile.get("insight"):
                tile["insight"]["id"] = 50000 + 10 * i + n
                tile["insight"]["short_id"] = f"ins{i:04d}{n}"
            if tile.get("text"):
                tile["text"]["id"] = 60000 + 10 * i + n
                for link in tile["text"].get("dashboard_tiles", []):
                    link.update({"id": tile["id"], "dashboard_id": dashboard["id"]})
        dashboards.append(dashboard)
    return {"feature_flags": flags, "cohorts": cohorts, "actions": actions, "experiments": experiments,
            "dashboards": dashboards, "early_access_feature": []}


# What the list endpoints leave out: the detail a client must GET one by one.
LIGHT = {"experiments": ("metrics", "metrics_secondary", "saved_metrics", "exposure_criteria",
                         "primary_metrics_ordered_uuids", "secondary_metrics_ordered_uuids", "stats_config"),
         "dashboards": ("tiles", "filters", "variables", "persisted_filters", "persisted_variables")}


class Throttle:
    """DRF's SimpleRateThrottle: a request is refused when the window already holds the budget."""

    def __init__(self):
        self.lock = threading.Lock()
        self.history = []
        self.per_minute = 0

    def allow(self):
        with self.lock:
            if not self.per_minute:
                return True
            now = time.monotonic()
            self.history = [t for t in self.history if t > now - 60.0]
            if len(self.history) >= self.per_minute:
                return False
            self.history.append(now)
            return True


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.counts = {"requests": 0, "GET": 0, "PATCH": 0, "POST": 0, "throttled": 0, "in_flight_max": 0}
        self.in_flight = 0

    def begin(self, method):
        with self.lock:
            self.counts["requests"] += 1
            self.counts[method] = self.counts.get(method, 0) + 1
            self.in_flight += 1
            self.counts["in_flight_max"] = max(self.counts["in_flight_max"], self.in_flight)

    def end(self):
        with self.lock:
            self.in_flight -= 1


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave as they are written: with Nagle on, a client's delayed ACK would add
    # some 40 ms to every answer and drown the latency being measured.
    disable_nagle_algorithm = True
    state = {}
    by_id = {}
    lock = threading.Lock()
    latency = 0.0
    throttle = Throttle()
    stats = Stats()

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"{}") if length else {}

    def control(self, method, parts):
        if method == "GET" and parts == ["__bench", "stats"]:
            return self.reply(200, Handler.stats.counts)
        if method == "POST" and parts == ["__bench", "reset"]:
            with Handler.stats.lock:
                Handler.stats.reset()
            with Handler.throttle.lock:
                Handler.throttle.history = []
            return self.reply(200, {})
        if method == "POST" and parts == ["__bench", "config"]:
            config = self.body()
            if "latency_ms" in config:
                Handler.latency = config["latency_ms"] / 1000.0
            if "rate_limit" in config:
                Handler.throttle.per_minute = config["rate_limit"]
            return self.reply(200, {})
        return self.reply(404, None)

    def handle_api(self, method):
        url = urlparse(self.path)
        parts = [p for p in url.path.split("/") if p]
        if parts[:1] == ["__bench"]:
            return self.control(method, parts)
        if method in ("POST", "PATCH"):
            payload = self.body()
        Handler.stats.begin(method)
        try:
            if not Handler.throttle.allow():
                time.sleep(Handler.latency)
                Handler.stats.counts["throttled"] += 1
                return self.reply(429, {"type": "throttled_error", "code": "throttled",
                                        "detail": "Request was throttled. Expected available in 1 second.",
                                        "attr": None})
            time.sleep(Handler.latency)
            if method == "GET":
                return self.get(parts, parse_qs(url.query))
            if method == "PATCH":
                return self.patch(parts, payload)
            return self.not_found()
        finally:
            Handler.stats.end()

    def do_GET(self):
        self.handle_api("GET")

    def do_PATCH(self):
        self.handle_api("PATCH")

    def do_POST(self):
        self.handle_api("POST")

    def not_found(self):
        return self.reply(404, {"type": "invalid_request", "code": "not_found", "detail": "Not found.", "attr": None})

    def get(self, parts, query):
        if parts == ["api", "projects", "@current"] or parts == ["api", "projects", str(PROJECT)]:
            return self.reply(200, {"id": PROJECT, "name": "Benchmark"})
        if parts == ["api", "organizations", "@current"]:
            return self.reply(200, {"available_product_features": []})
        if len(parts) < 4 or parts[:3] != ["api", "projects", str(PROJECT)] or parts[3] not in self.state:
            return self.not_found()
        resource = parts[3]
        if len(parts) == 5:
            with Handler.lock:
                item = Handler.by_id.get((resource, parts[4]))
                return self.reply(200, item) if item is not None else self.not_found()
        with Handler.lock:
            items = [x for x in self.state[resource] if not x.get("deleted")]
            archived = query.get("archived") == ["true"]
            items = [x for x in items if bool(x.get("archived")) == archived]
            if resource == "actions":
                return self.reply(200, {"count": len(items), "results": items})
            limit = int(query.get("limit", [str(PAGE_DEFAULT)])[0])
            offset = int(query.get("offset", ["0"])[0])
            page = [self.light(resource, x) for x in items[offset:offset + limit]]
        nxt = None
        if offset + limit < len(items):
            nxt = f"https://us.posthog.com/api/projects/{PROJECT}/{resource}/?limit={limit}&offset={offset + limit}"
        return self.reply(200, {"count": len(items), "next": nxt, "previous": None, "results": page})

    @staticmethod
    def light(resource, item):
        left_out = LIGHT.get(resource)
        return item if not left_out else {k: v for k, v in item.items() if k not in left_out}

    def patch(self, parts, payload):
        if len(parts) != 5 or parts[:3] != ["api", "projects", str(PROJECT)]:
            return self.not_found()
        with Handler.lock:
            item = Handler.by_id.get((parts[3], parts[4]))
            if item is None:
                return self.not_found()
            item.update(payload)
            item["version"] = item.get("version", 0) + 1
            return self.reply(200, item)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port; the port is printed")
    parser.add_argument("--flags", type=int, default=2000)
    parser.add_argument("--cohorts", type=int, default=300)
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--experiments", type=int, default=50)
    parser.add_argument("--dashboards", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=0)
    parser.add_argument("--rate-limit", type=int, default=0, help="requests per rolling minute; 0 is none")
    counts = parser.parse_args()
    Handler.state = build(counts)
    Handler.by_id = {(resource, str(item["id"])): item for resource, items in Handler.state.items() for item in items}
    Handler.latency = counts.latency_ms / 1000.0
    Handler.throttle.per_minute = counts.rate_limit
    ThreadingHTTPServer.request_queue_size = 128
    server = ThreadingHTTPServer(("127.0.0.1", counts.port), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
