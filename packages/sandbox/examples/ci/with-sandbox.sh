#!/usr/bin/env bash
# Runs a command against a fresh WPay sandbox, e.g. in CI:
#   ./with-sandbox.sh npm run test:e2e
# Starts `npx wpay-sandbox` on a random port, waits for its --ready-file, checks
# GET /__sandbox/health, exports WPAY_BASE_URL, WPAY_API_KEY, WPAY_API_SECRET and WPAY_SIGN_KEY,
# runs the command, and stops the sandbox whatever happens. Extra sandbox flags: WPAY_SANDBOX_FLAGS.
set -euo pipefail

ready="$(mktemp -d)/sandbox.json"
# shellcheck disable=SC2086 # the flags are meant to split
npx --no-install wpay-sandbox --port 0 --ready-file "$ready" ${WPAY_SANDBOX_FLAGS:-} >/dev/null &
sandbox=$!
pid=""
stop() {
  # npx runs the sandbox as a child: stop the sandbox itself (its pid is in the ready file).
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  kill "$sandbox" 2>/dev/null || true
  wait "$sandbox" 2>/dev/null || true
  rm -rf "$(dirname "$ready")"
}
trap stop EXIT

for _ in $(seq 1 600); do
  [ -s "$ready" ] && break
  kill -0 "$sandbox" 2>/dev/null || { echo "with-sandbox: wpay-sandbox exited before it was ready" >&2; exit 1; }
  sleep 0.1
done
[ -s "$ready" ] || { echo "with-sandbox: wpay-sandbox not ready after 60 s" >&2; exit 1; }

# The ready file is JSON: { "url", "pid", "WPAY_BASE_URL", "WPAY_API_KEY", "WPAY_API_SECRET", "WPAY_SIGN_KEY" }.
eval "$(node -e '
  const ready = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  console.log(`pid=${Number(ready.pid)}`);
  for (const [name, value] of Object.entries(ready)) {
    if (name.startsWith("WPAY_")) console.log(`export ${name}=${JSON.stringify(value)}`);
  }' "$ready")"
node -e 'fetch(process.argv[1] + "/__sandbox/health").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$WPAY_BASE_URL" \
  || { echo "with-sandbox: $WPAY_BASE_URL/__sandbox/health did not answer" >&2; exit 1; }

"$@"
