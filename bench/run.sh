#!/bin/sh
# The speed benchmark (docs/performance.md): builds the jar and its class-data archive if they are
# missing, then prints every figure with its target, the ratio and whether it is met. Needs Python 3;
# hyperfine, when installed, times the start-up figures. Exits 1 when a target is missed.
# Usage: bench/run.sh [--latency-ms MS] [--runs N] [--plan-runs N] [--only startup,scale,snapshot,apply]
set -eu
cd "$(dirname "$0")/.."
if [ ! -f target/posthog-gitops.jar ] || [ ! -f target/posthog-gitops.jsa ]; then
  ./mvnw -B -q package -DskipTests
fi
exec python3 bench/bench.py "$@"
