#!/usr/bin/env python3
"""A small PostHog stand-in for the benchmark: serves generated live state on loopback with
PostHog's pagination (limit/offset envelopes, the actions envelope, archived flags listed apart,
light list shapes for experiments and dashboards) and counts the requests it answers.

Usage: fake_posthog.py PORT FLAGS   (prints the request count on SIGTERM/SIGINT to stderr)
"""
import json
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

PROJECT = 4242


def build(flags_count):
    cohorts = [{"id": 1000 + i, "name": f"Cohort {i}", "description": "", "groups": [], "deleted": False,
                "is_static": False, "query": None, "cohort_type": "realtime", "count": 10, "version": 3,
                "filters": {"properties": {"type": "OR", "values": [{"type": "AND", "values": [
                    {"key": "plan", "type": "person", "value": [f"tier-{i}"], "operator": "exact",
                     "negation": False, "bytecode": ["_H", 1, 32], "conditionHash": "5f0c2a9d81b3e4c7"}]}]}}}
               for i in range(max(1, flags_count // 10))]
    actions = [{"id": 300 + i, "name": f"Action {i}", "description": "", "tags": [], "post_to_slack": False,
                "slack_message_format": "", "deleted": False, "pinned_at": None, "is_action": True,
                "steps": [{"event": f"event_{i}", "properties": None, "selector": None, "selector_regex": None,
                           "selector_warning": None, "tag_name": None, "text": None, "text_matching": None,
                           "href": None, "href_matching": None, "url": None, "url_matching": "contains"}]}
               for i in range(max(1, flags_count // 20))]
    flags = []
    for i in range(flags_count):
        cohort = cohorts[i % len(cohorts)]
        flags.append({
            "id": 5000 + i, "key": f"flag-{i:05d}", "name": f"Flag number {i}", "deleted": False,
            "active": i % 7 != 0, "archived": False, "version": 4, "status": "ACTIVE",
            "ensure_experience_continuity": False, "evaluation_runtime": "all",
            "bucketing_identifier": "distinct_id", "is_remote_configuration": False,
            "has_encrypted_payloads": False, "has_enriched_analytics": False, "tags": [],
            "evaluation_contexts": [], "experiment_set": [], "updated_at": "2025-05-09T16:40:51.004311Z",
            "filters": {
                "groups": [
                    {"properties": [{"key": "email", "type": "person", "value": "@example.com",
                                     "operator": "icontains"}],
                     "rollout_percentage": 100, "variant": None, "aggregation_group_type_index": None},
                    {"properties": [{"key": "id", "type": "cohort", "value": cohort["id"], "operator": "in",
                                     "cohort_name": cohort["name"]}],
                     "rollout_percentage": float(i % 100), "variant": None,
                     "aggregation_group_type_index": None}],
                "multivariate": {"variants": [{"key": "control", "name": None, "rollout_percentage": 50},
                                              {"key": "test", "name": None, "rollout_percentage": 50}]},
                "aggregation_group_type_index": None,
                "payloads": {"test": json.dumps({"color": "green", "n": i})}}})
    return {"feature_flags": flags, "cohorts": cohorts, "actions": actions, "experiments": [], "dashboards": []}


class Handler(BaseHTTPRequestHandler):
    state = {}
    requests = 0

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        Handler.requests += 1
        url = urlparse(self.path)
        parts = [p for p in url.path.split("/") if p]
        query = parse_qs(url.query)
        if parts == ["api", "projects", "@current"]:
            return self.reply(200, {"id": PROJECT, "name": "Benchmark"})
        if parts == ["api", "organizations", "@current"]:
            return self.reply(200, {"available_product_features": []})
        if len(parts) == 4 and parts[:3] == ["api", "projects", str(PROJECT)] and parts[3] in self.state:
            items = self.state[parts[3]]
            if query.get("archived") == ["true"]:
                items = [x for x in items if x.get("archived")]
            if parts[3] == "actions":
                return self.reply(200, {"count": len(items), "results": items})
            limit = int(query.get("limit", ["100"])[0])
            offset = int(query.get("offset", ["0"])[0])
            page = items[offset:offset + limit]
            nxt = None
            if offset + limit < len(items):
                nxt = f"https://us.posthog.com{url.path}?limit={limit}&offset={offset + limit}"
            return self.reply(200, {"count": len(items), "next": nxt, "previous": None, "results": page})
        return self.reply(404, {"type": "invalid_request", "code": "not_found", "detail": "Not found.", "attr": None})


def main():
    port, flags = int(sys.argv[1]), int(sys.argv[2])
    Handler.state = build(flags)
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)

    def stop(*_):
        print(f"requests answered: {Handler.requests}", file=sys.stderr, flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
