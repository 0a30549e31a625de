#!/usr/bin/env bash
# `npm test`: every automated test of the repository, in the order a failure is cheapest to find.
#   1. Chromium for the browser tests (installed with apt on Debian as root, otherwise explained);
#   2. vitest: domain, web, server-unit and server-int (PGlite, or PostgreSQL when DATABASE_URL is set);
#   3. production build of the web app (served by the server the browser tests start);
#   4. Playwright end-to-end tests (e2e/), against a fresh embedded database.
# Ends with one line "N passed, N failed" and exits non-zero if anything failed.
#
#   TEST_SKIP_E2E=1      skip the browser part (steps 1, 3 and 4) for fast local loops
#   TEST_SUMMARY_FILE=f  also write "passed failed" to f (used by .ci/run to total its stages)
set -euo pipefail

cd "$(dirname "$0")/.."

REPORT_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kooperacja-test.XXXXXX")"
E2E_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kooperacja-e2e-data.XXXXXX")"
export E2E_DATA_DIR
cleanup() { rm -rf "$REPORT_DIR" "$E2E_DATA_DIR"; }
trap cleanup EXIT

PASSED=0
FAILED=0
NOTES=()

# count <vitest|playwright> <json report> <exit code> <label>: adds the report's counts to the totals.
# A stage that failed without a failed test (crash, config error, server not starting) counts as one
# failure, so the closing line can never say "0 failed" for a red run.
count() {
  local result
  result="$(node -e '
    const [kind, file, rc] = process.argv.slice(1);
    let passed = 0, failed = 0, skipped = 0, ok = false;
    try {
      const r = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
      if (kind === "vitest") {
        passed = r.numPassedTests ?? 0;
        failed = r.numFailedTests ?? 0;
        skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
      } else {
        passed = (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
        failed = r.stats?.unexpected ?? 0;
        skipped = r.stats?.skipped ?? 0;
      }
      ok = true;
    } catch {}
    let note = "";
    if (rc !== "0" && failed === 0) {
      failed = 1;
      note = ok ? " (exit code " + rc + " without a failed test: counted as 1 failure)"
                : " (no report: the run did not complete; counted as 1 failure)";
    }
    console.log(passed + " " + failed + " " + skipped + note);
  ' "$1" "$2" "$3")"
  local p f s note
  read -r p f s note <<<"$result"
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  NOTES+=("$4: $p passed, $f failed, $s skipped${note:+ $note}")
}

elapsed() { echo "$((SECONDS - $1)) s"; }

SKIP_E2E="${TEST_SKIP_E2E:-0}"
if [[ "$SKIP_E2E" != "1" ]]; then
  echo "▶ Chromium"
  bash scripts/ensure-chromium.sh
fi

echo "▶ vitest (domain, web, server-unit, server-int)"
start=$SECONDS
set +e
npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORT_DIR/vitest.json"
rc=$?
set -e
count vitest "$REPORT_DIR/vitest.json" "$rc" "vitest ($(elapsed "$start"))"

if [[ "$SKIP_E2E" == "1" ]]; then
  NOTES+=("playwright: skipped (TEST_SKIP_E2E=1)")
else
  echo "▶ build (web)"
  start=$SECONDS
  set +e
  npm run build
  rc=$?
  set -e
  if [[ $rc -ne 0 ]]; then
    FAILED=$((FAILED + 1))
    NOTES+=("build: failed, exit code $rc ($(elapsed "$start")); end-to-end tests not run, counted as 1 failure")
  else
    NOTES+=("build: ok ($(elapsed "$start"))")
    echo "▶ playwright (e2e)"
    start=$SECONDS
    set +e
    E2E_JSON_REPORT="$REPORT_DIR/playwright.json" npm run test:e2e
    rc=$?
    set -e
    count playwright "$REPORT_DIR/playwright.json" "$rc" "playwright ($(elapsed "$start"))"
  fi
fi

echo
for note in "${NOTES[@]}"; do echo "  $note"; done
if [[ -n "${TEST_SUMMARY_FILE:-}" ]]; then echo "$PASSED $FAILED" >"$TEST_SUMMARY_FILE"; fi
echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
