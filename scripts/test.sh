#!/usr/bin/env bash
# `npm test`: every automated test of the repository, in the order a failure is cheapest to find.
#   1. Chromium for the browser tests (installed with apt on Debian as root, otherwise explained);
#   2. vitest: domain, web, server-unit and server-int (PGlite, or PostgreSQL when DATABASE_URL is set);
#   3. production build of the web app (served by the server the browser tests start);
#   4. Playwright end-to-end tests (e2e/), against a fresh embedded database.
# Ends with one line "N passed, N failed" and exits non-zero if anything failed.
#
#   TEST_SKIP_E2E=1      skip the browser part (steps 1, 3 and 4) for fast local loops
#   TEST_SUMMARY_FILE=f  also write "passed failed" to f and the failed tests' names to f.failures
#                        (used by .ci/run to total its stages and name what failed)
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
FAILURES=()

# failures <vitest|playwright> <json report>: the names of the failed tests, one per line, so the
# closing lines (and .ci/run's summary) say which tests failed, not only how many.
failures() {
  node -e '
    const [kind, file] = process.argv.slice(1);
    let r;
    try { r = JSON.parse(require("node:fs").readFileSync(file, "utf8")); } catch { process.exit(0); }
    const root = process.cwd() + "/";
    if (kind === "vitest") {
      for (const f of r.testResults ?? [])
        for (const t of f.assertionResults ?? [])
          if (t.status === "failed") console.log(f.name.replace(root, "") + " › " + (t.fullName ?? t.title));
    } else {
      const walk = (suite, path) => {
        for (const s of suite.suites ?? []) walk(s, path.concat(s.title));
        for (const spec of suite.specs ?? [])
          for (const t of spec.tests ?? [])
            if (t.status === "unexpected") console.log(path.filter(Boolean).join(" › ") + " › " + spec.title + " [" + t.projectName + "]");
      };
      for (const s of r.suites ?? []) walk(s, [s.file ?? s.title]);
    }
  ' "$1" "$2" 2>/dev/null | head -n 30
}

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
export TEST_HANG_DIR="$REPORT_DIR/hangs"
npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORT_DIR/vitest.json"
rc=$?
set -e
if compgen -G "$TEST_HANG_DIR/*.json" >/dev/null; then
  # The watchdog (server/test/watchdog.ts) stopped files whose statement never returned on the
  # embedded engine. They run once more on their own; their first results are replaced by the second.
  mapfile -t hung < <(node -e '
    const fs = require("node:fs"), dir = process.argv[1];
    const files = new Set(fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(dir + "/" + f, "utf8")).file));
    for (const f of files) console.log(f);
  ' "$TEST_HANG_DIR")
  echo "▶ vitest again for ${#hung[@]} file(s) stopped by the watchdog: ${hung[*]}"
  rm -rf "$TEST_HANG_DIR"
  set +e
  TEST_HANG_DIR="$REPORT_DIR/hangs-again" npx vitest run --project server-int "${hung[@]}" \
    --reporter=default --reporter=json --outputFile.json="$REPORT_DIR/vitest-again.json"
  rc_again=$?
  set -e
  node -e '
    const fs = require("node:fs");
    const [first, again, rcAgain, ...hung] = process.argv.slice(1);
    const r = JSON.parse(fs.readFileSync(first, "utf8"));
    let a = { numPassedTests: 0, numFailedTests: 0, testResults: [] };
    try { a = JSON.parse(fs.readFileSync(again, "utf8")); } catch {}
    const stopped = new Set(hung);
    for (const f of r.testResults ?? []) {
      if (!stopped.has(f.name)) continue;
      for (const t of f.assertionResults ?? []) {
        if (t.status === "passed") r.numPassedTests--;
        if (t.status === "failed") r.numFailedTests--;
      }
    }
    r.numPassedTests += a.numPassedTests ?? 0;
    r.numFailedTests += (a.numFailedTests ?? 0) + (rcAgain !== "0" && !(a.numFailedTests > 0) ? 1 : 0);
    fs.writeFileSync(first, JSON.stringify(r));
  ' "$REPORT_DIR/vitest.json" "$REPORT_DIR/vitest-again.json" "$rc_again" "${hung[@]}"
  # The first run failed because of the stopped files; the counts above now say whether anything else did.
  rc=0
  NOTES+=("vitest: ${#hung[@]} file(s) stopped by the watchdog and run again (exit code $rc_again)")
fi
count vitest "$REPORT_DIR/vitest.json" "$rc" "vitest ($(elapsed "$start"))"
mapfile -t -O "${#FAILURES[@]}" FAILURES < <(failures vitest "$REPORT_DIR/vitest.json")

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
    # Free ports for the server under test and the second one of the data-folder lock test, so that
    # a server left running on the default port by something else never answers for ours.
    if [[ -z "${E2E_PORT:-}" ]]; then
      E2E_PORT="$(node -e '
        const net = require("node:net");
        const free = (p) => new Promise((ok) => { const s = net.createServer(); s.once("error", () => ok(false));
          s.listen(p, "127.0.0.1", () => s.close(() => ok(true))); });
        (async () => { for (let p = 3210; p < 3400; p += 2) if ((await free(p)) && (await free(p + 1))) { console.log(p); return; } console.log(3210); })();
      ')"
      export E2E_PORT
    fi
    echo "  server under test on port $E2E_PORT"
    set +e
    E2E_JSON_REPORT="$REPORT_DIR/playwright.json" npm run test:e2e
    rc=$?
    set -e
    count playwright "$REPORT_DIR/playwright.json" "$rc" "playwright ($(elapsed "$start"))"
    mapfile -t -O "${#FAILURES[@]}" FAILURES < <(failures playwright "$REPORT_DIR/playwright.json")
  fi
fi

echo
for note in "${NOTES[@]}"; do echo "  $note"; done
if [[ ${#FAILURES[@]} -gt 0 ]]; then
  echo "  failed tests:"
  for f in "${FAILURES[@]}"; do echo "    ✗ $f"; done
fi
if [[ -n "${TEST_SUMMARY_FILE:-}" ]]; then
  echo "$PASSED $FAILED" >"$TEST_SUMMARY_FILE"
  for f in "${FAILURES[@]}"; do echo "$f"; done >"$TEST_SUMMARY_FILE.failures"
fi
echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
