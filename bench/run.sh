#!/usr/bin/env bash
# Benchmark: export, then plan against a PostHog stand-in on loopback and against the snapshot.
# Prints wall time, peak memory and HTTP requests for each step. Usage: bench/run.sh [FLAGS]
set -euo pipefail
cd "$(dirname "$0")/.."
flags=${1:-2000}
jar=target/posthog-gitops.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 bench/fake_posthog.py "$port" "$flags" 2> "$work/server.log" &
server=$!
sleep 1
export MATON_API_KEY=bench-key-not-secret POSTHOG_GITOPS_API_URL="http://127.0.0.1:$port"

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || true
  read -r secs kb < "$work/time"
  printf '%-34s %7ss %6d MB  %s\n' "$label" "$secs" $((kb / 1024)) "$(grep -E 'Plan:|No changes|wrote|files' "$work/out" | head -n 1)"
}

echo "posthog-gitops benchmark: $flags flags, $((flags / 10)) cohorts, $((flags / 20)) actions"
measure "export (live → YAML + snapshot)" java -jar "$jar" --verbose export --out "$work/decl" --snapshot-out "$work/snap.json"
echo "  HTTP requests: $(grep -cE '^(GET|POST|PATCH) ' "$work/err" || true), YAML files written: $(wc -l < "$work/out")"
measure "plan against the live API" java -jar "$jar" --verbose plan "$work/decl"
echo "  HTTP requests: $(grep -cE '^(GET|POST|PATCH) ' "$work/err" || true)"
measure "plan against the snapshot" java -jar "$jar" plan "$work/decl" --snapshot "$work/snap.json"
sed -i "s/rollout_percentage: 100/rollout_percentage: 90/" "$work"/decl/feature-flags/flag-0000*.yaml
measure "plan with 10 changed flags" java -jar "$jar" plan "$work/decl" --snapshot "$work/snap.json"
