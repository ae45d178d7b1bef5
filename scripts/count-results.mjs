// How `npm test` (scripts/test.mjs) counts a suite's tests from what its runners printed.

/**
 * Counts the tests a suite's output reports. A suite may run several runners one after the other
 * (the widget: `node --test`, then web-test-runner), so the counts of each runner's closing
 * summary are added: node's TAP ("# pass N" / "# fail N", its last pair) and a runner's
 * "N passed, N failed" line (its last one: web-test-runner repeats it as it goes).
 * @param {string} output
 * @returns {{ passed: number | undefined, failed: number | undefined }}
 */
export function countResults(output) {
  const runs = [];
  let tap = null;
  let plain = null;
  for (const line of output.split('\n')) {
    const tapPass = /^# pass (\d+)/.exec(line);
    const tapFail = /^# fail (\d+)/.exec(line);
    const summary = /^(?:\w+: )?(\d+) passed, (\d+) failed/.exec(line.trim());
    if (tapPass) {
      // A new TAP summary after a plain one belongs to the next runner.
      if (plain) runs.push(plain);
      plain = null;
      tap = { passed: Number(tapPass[1]), failed: tap?.failed ?? 0 };
    }
    if (tapFail && tap) tap.failed = Number(tapFail[1]);
    if (summary) {
      if (tap) runs.push(tap);
      tap = null;
      plain = { passed: Number(summary[1]), failed: Number(summary[2]) };
    }
  }
  if (tap) runs.push(tap);
  if (plain) runs.push(plain);
  if (runs.length === 0) return { passed: undefined, failed: undefined };
  return {
    passed: runs.reduce((sum, run) => sum + run.passed, 0),
    failed: runs.reduce((sum, run) => sum + run.failed, 0),
  };
}
