#!/usr/bin/env python3
"""The speed benchmark of docs/performance.md: every figure, its target, the ratio, met or not.

Run through bench/run.sh, which builds the jar first. Each figure runs the real command,
bin/posthog-gitops, against fake_posthog.py on loopback (a PostHog stand-in it starts here).
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
LAUNCHER = os.path.join(ROOT, "bin", "posthog-gitops")
JAR = os.path.join(ROOT, "target", "posthog-gitops.jar")
RESOURCES = {"FeatureFlag": "feature_flags", "Cohort": "cohorts", "Action": "actions",
             "Experiment": "experiments", "Dashboard": "dashboards",
             "EarlyAccessFeature": "early_access_feature"}
PAGE = 100

figures = []


def figure(name, value, unit, target, compare, ratio, met, note=""):
    figures.append((name, value, unit, target, compare, ratio, met, note))
    print(f"  {name}: {value:.3f} {unit} (target {compare} {target}) {'met' if met else 'NOT met'} {note}",
          file=sys.stderr, flush=True)


class FakePostHog:
    """fake_posthog.py in a child process, on a free loopback port."""

    def __init__(self, **counts):
        args = [sys.executable, os.path.join(ROOT, "bench", "fake_posthog.py")]
        for key, value in counts.items():
            args += [f"--{key.replace('_', '-')}", str(value)]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        self.port = int(self.process.stdout.readline())
        self.url = f"http://127.0.0.1:{self.port}"

    def control(self, method, path, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port)
        connection.request(method, path, body=json.dumps(body or {}), headers={"Content-Type": "application/json"})
        answer = json.loads(connection.getresponse().read() or b"{}")
        connection.close()
        return answer

    def configure(self, **config):
        self.control("POST", "/__bench/config", config)

    def reset(self):
        self.control("POST", "/__bench/reset")

    def stats(self):
        return self.control("GET", "/__bench/stats")

    def stop(self):
        self.process.terminate()
        self.process.wait()


def run(args, env=None, check=True):
    """Runs a command; returns (wall seconds, CPU seconds of the child, peak RSS MB, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if check and done.returncode != 0:
        sys.exit(f"bench: {' '.join(args)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, done.stdout


def environment(server, **extra):
    env = dict(os.environ, MATON_API_KEY="bench-key-not-secret", POSTHOG_GITOPS_API_URL=server.url, NO_COLOR="1")
    env.pop("POSTHOG_GITOPS_PROJECT", None)
    env.update(extra)
    return env


def median_wall(commands, runs):
    """Median wall time per command; hyperfine when it is installed, else alternating runs here."""
    if shutil.which("hyperfine"):
        out = os.path.join(tempfile.gettempdir(), f"posthog-gitops-bench-{os.getpid()}.json")
        subprocess.run(["hyperfine", "-N", "-w", "3", "-r", str(runs), "--export-json", out, *commands],
                       check=True, capture_output=True, cwd=ROOT)
        with open(out) as f:
            results = json.load(f)["results"]
        os.remove(out)
        return [r["median"] for r in results]
    times = [[] for _ in commands]
    for _ in range(3):
        for command in commands:
            run(command.split(), check=False)
    for _ in range(runs):
        for i, command in enumerate(commands):
            times[i].append(run(command.split(), check=False)[0])
    return [statistics.median(t) for t in times]


def startup(runs):
    print("start-up", file=sys.stderr)
    help_jar, help_launcher, validate = median_wall(
        [f"java -jar {JAR} --help", f"{LAUNCHER} --help", f"{LAUNCHER} validate examples/flags"], runs)
    figure("posthog-gitops --help, median", help_launcher, "s", 0.30, "<=", help_launcher / 0.30,
           help_launcher <= 0.30, f"(java -jar: {help_jar:.3f} s)")
    figure("posthog-gitops validate examples/flags, median", validate, "s", 0.45, "<=", validate / 0.45,
           validate <= 0.45)


def export(server, folder):
    run([LAUNCHER, "export", "--out", folder, "--snapshot-out", folder + ".json"], env=environment(server))
    _, _, _, out = run([LAUNCHER, "plan", folder], env=environment(server))
    if "No changes" not in out:
        sys.exit("bench: a plan right after the export is not empty:\n" + out[:2000])


def pages(n):
    return max(1, -(-n // PAGE))


def declared_ids(snapshot):
    """(resource path, id) of every object a plan compares: all but the flags experiments own."""
    with open(snapshot) as f:
        objects = json.load(f)["objects"]
    return [(RESOURCES[kind], str(raw["id"])) for kind, raws in objects.items() for raw in raws
            if not (kind == "FeatureFlag" and raw.get("experiment_set"))]


def one_get_per_resource(server, ids, in_flight):
    """Terraform's refresh: one GET per resource, `in_flight` at a time, connections kept alive."""
    local = threading.local()

    def get(item):
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection("127.0.0.1", server.port)
        resource_path, object_id = item
        local.connection.request("GET", f"/api/projects/4242/{resource_path}/{object_id}/",
                                 headers={"Authorization": "Bearer bench-key-not-secret"})
        answer = local.connection.getresponse()
        answer.read()
        if answer.status != 200:
            raise RuntimeError(f"GET {resource_path}/{object_id} answered {answer.status}")

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(in_flight) as pool:
        list(pool.map(get, ids))
    return time.perf_counter() - start


def plan_at_scale(work, latency, runs, counts):
    print(f"plan at scale ({counts}, {latency} ms latency)", file=sys.stderr)
    server = FakePostHog(**counts)
    try:
        folder = os.path.join(work, "scale")
        export(server, folder)
        ids = declared_ids(folder + ".json")
        server.configure(latency_ms=latency)
        ours, baseline, requests = [], [], None
        for _ in range(runs):
            server.reset()
            ours.append(run([LAUNCHER, "plan", folder], env=environment(server))[0])
            requests = server.stats()["requests"]
            baseline.append(one_get_per_resource(server, ids, 10))
    finally:
        server.stop()
    expected = (2 + pages(counts["flags"] + counts["experiments"]) + 1 + pages(counts["cohorts"]) + 1
                + 2 * pages(counts["experiments"]) + counts["experiments"] + pages(counts["dashboards"])
                + counts["dashboards"] + 1)
    ours_s, baseline_s = statistics.median(ours), statistics.median(baseline)
    figure(f"plan of {len(ids)} resources at {latency} ms, median", ours_s, "s", round(baseline_s / 4, 3), "<=",
           baseline_s / ours_s, baseline_s / ours_s >= 4,
           f"({baseline_s:.3f} s for {len(ids)} GETs, 10 in flight: {baseline_s / ours_s:.1f}x faster)")
    figure("requests of that plan", requests, "", expected, "<=", requests / expected, requests <= expected,
           "(list pages, project, organisation, one per experiment and dashboard)")


def plan_from_snapshot(work, runs, counts, changed):
    declared = counts["flags"] + counts["cohorts"] + counts["actions"] + counts["experiments"] + counts["dashboards"]
    print(f"plan of {declared} declared resources from a snapshot, 256 MB heap", file=sys.stderr)
    server = FakePostHog(**counts)
    try:
        folder = os.path.join(work, "big")
        export(server, folder)
    finally:
        server.stop()
    change_flags(folder, changed)
    env = dict(os.environ, POSTHOG_GITOPS_JAVA_OPTS="-Xmx256m", NO_COLOR="1")
    results = [run([LAUNCHER, "plan", folder, "--snapshot", folder + ".json"], env=env) for _ in range(runs)]
    summary = results[-1][3].strip().splitlines()
    cpu = statistics.median(r[1] for r in results)
    figure(f"plan of {declared} declared resources from a snapshot, CPU, median", cpu, "s", 2.0, "<=", cpu / 2.0,
           cpu <= 2.0, f"(wall {statistics.median(r[0] for r in results):.3f} s, -Xmx256m; {summary[-1]})")


def change_flags(folder, count):
    flags = sorted(os.listdir(os.path.join(folder, "feature-flags")))
    changed = 0
    for name in flags:
        if changed == count:
            break
        path = os.path.join(folder, "feature-flags", name)
        with open(path) as f:
            text = f.read()
        if "rollout_percentage: 100\n" in text and name.startswith("flag-"):
            with open(path, "w") as f:
                f.write(text.replace("rollout_percentage: 100\n", "rollout_percentage: 90\n", 1))
            changed += 1
    if changed != count:
        sys.exit(f"bench: only {changed} of {count} flags could be changed")


def apply_at_rate_limit(work, latency, updates, per_minute):
    print(f"apply of {updates} updates at {per_minute} per minute ({latency} ms latency); about a minute",
          file=sys.stderr)
    server = FakePostHog(flags=updates, cohorts=1, actions=0, experiments=0, dashboards=0)
    try:
        folder = os.path.join(work, "apply")
        export(server, folder)
        change_flags(folder, updates)
        server.configure(latency_ms=latency, rate_limit=per_minute)
        server.reset()
        wall, _, _, out = run([LAUNCHER, "apply", folder, "--approve"], env=environment(server))
        stats = server.stats()
    finally:
        server.stop()
    bound = updates / per_minute * 60
    if f"{updates} updated" not in out:
        sys.exit("bench: the apply did not update every flag:\n" + out[-2000:])
    figure(f"apply of {updates} updates at {per_minute}/min", wall, "s", round(bound * 1.1, 3), "<=", wall / bound,
           wall <= bound * 1.1 and stats["throttled"] == 0,
           f"(bound {bound:.1f} s; {stats['requests']} requests, {stats['PATCH']} PATCH, "
           f"{stats['throttled']} answered 429)")


def report():
    print()
    print(f"{'figure':<62} {'value':>10} {'target':>12} {'ratio':>7}  met")
    for name, value, unit, target, compare, ratio, met, note in figures:
        shown = f"{value:.3f} {unit}".strip() if unit else str(value)
        print(f"{name:<62} {shown:>10} {compare + ' ' + str(target) + (' ' + unit if unit else ''):>12} "
              f"{ratio:7.2f}  {'yes' if met else 'NO'}")
        if note:
            print(f"    {note}")
    return all(f[6] for f in figures)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency-ms", type=float, default=30, help="loopback PostHog's latency per request")
    parser.add_argument("--runs", type=int, default=20, help="runs per start-up figure (hyperfine -r)")
    parser.add_argument("--plan-runs", type=int, default=3, help="runs per plan figure")
    parser.add_argument("--only", default="startup,scale,snapshot,apply",
                        help="comma-separated parts to run: startup, scale, snapshot, apply (about a minute)")
    options = parser.parse_args()
    parts = options.only.split(",")
    work = tempfile.mkdtemp(prefix="posthog-gitops-bench-")
    try:
        if "startup" in parts:
            startup(options.runs)
        if "scale" in parts:
            plan_at_scale(work, options.latency_ms, options.plan_runs,
                          dict(flags=2000, cohorts=300, actions=100, experiments=50, dashboards=20))
        if "snapshot" in parts:
            plan_from_snapshot(work, options.plan_runs,
                               dict(flags=8000, cohorts=1200, actions=500, experiments=200, dashboards=100), 100)
        if "apply" in parts:
            apply_at_rate_limit(work, options.latency_ms, 500, 480)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if report() else 1)


if __name__ == "__main__":
    main()
