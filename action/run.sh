#!/usr/bin/env bash
# Runs one posthog-gitops command for the GitHub Action (action.yml; docs/ci.md). The inputs come
# in INPUT_* variables; the API key goes to MATON_API_KEY and is never echoed. The step fails
# unless the command exits 0, 2 (plan --detailed-exitcode with changes) or 5 (apply left changes
# awaiting approval in PostHog, docs/approvals.md); the exit code and
# the files holding stdout and stderr are outputs.
set -euo pipefail

read -r -a argv <<< "$INPUT_COMMAND"
case "${argv[0]:-}" in
  validate | plan | apply) [ -z "${INPUT_PATH:-}" ] || argv+=("$INPUT_PATH") ;;
esac
[ -z "${INPUT_PROJECT:-}" ] || argv+=(--project "$INPUT_PROJECT")
[ -z "${INPUT_CONNECTION:-}" ] || argv+=(--connection "$INPUT_CONNECTION")
[ -z "${INPUT_API_URL:-}" ] || argv+=(--api-url "$INPUT_API_URL")
while IFS= read -r arg; do
  arg=${arg%$'\r'}
  [ -z "$arg" ] || argv+=("$arg")
done <<< "${INPUT_ARGS:-}"

if [ -n "${INPUT_API_KEY:-}" ]; then
  export MATON_API_KEY="$INPUT_API_KEY"
fi
unset INPUT_API_KEY

out=$(mktemp -d "${RUNNER_TEMP:-/tmp}/posthog-gitops.XXXXXX")
set +e
posthog-gitops "${argv[@]}" > "$out/stdout" 2> "$out/stderr"
code=$?
set -e
cat "$out/stdout"
cat "$out/stderr" >&2
{
  echo "exitcode=$code"
  echo "stdout=$out/stdout"
  echo "stderr=$out/stderr"
} >> "$GITHUB_OUTPUT"
if [ "$code" -ne 0 ] && [ "$code" -ne 2 ] && [ "$code" -ne 5 ]; then
  exit "$code"
fi
