#!/usr/bin/env bash
# The one test command (README, CI): type-check and lint everything, check the generated API
# client is current, then run every Jest suite (unit, integration, e2e with the browser).
# Ends with "tests: N passed, N failed" summing every suite.
set -uo pipefail
cd "$(dirname "$0")/.."

results="$(mktemp -d)/jest.json"
passed=0
failed=0
summary() {
  if [ -s "$results" ]; then
    passed=$(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests)' "$results")
    failed=$(node -e 'const r=require(process.argv[1]);console.log(r.numFailedTests + r.numRuntimeErrorTestSuites)' "$results")
  fi
  echo "tests: ${passed} passed, ${failed} failed"
}
step() {
  echo "==> $*"
  if ! "$@"; then
    echo "FAILED: $*"
    failed=$((failed + 1))
    summary
    exit 1
  fi
}

step pnpm run build
step pnpm exec tsc -p tsconfig.spec.json
step pnpm run lint
step bash scripts/check-api-client.sh

echo "==> jest (unit, integration, e2e)"
# Two workers, each replaced once it holds more than 1.5 GB between files: in one process
# (Jest's choice on two cores) the heap grew past 4 GB over the run and every file slowed down.
pnpm exec jest --ci --maxWorkers=2 --workerIdleMemoryLimit=1536MB --json --outputFile="$results" "$@"
status=$?
summary
exit $status
