// A @web/test-runner reporter that ends the run with one line CI can read, alone on its line:
// "N passed, N failed". A test file that failed to load, or a session that failed outside any
// test (a hook, an uncaught error), counts as one failure.

/** @param {import('@web/test-runner-core').TestSuiteResult | undefined} suite */
function count(suite) {
  const totals = { passed: 0, failed: 0 };
  if (!suite) return totals;
  for (const test of suite.tests) {
    if (test.passed) totals.passed += 1;
    else if (!test.skipped) totals.failed += 1;
  }
  for (const child of suite.suites) {
    const inner = count(child);
    totals.passed += inner.passed;
    totals.failed += inner.failed;
  }
  return totals;
}

/** @returns {import('@web/test-runner').Reporter} */
export function summaryReporter() {
  return {
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      for (const session of sessions) {
        const totals = count(session.testResults);
        passed += totals.passed;
        failed += totals.failed;
        if (totals.failed === 0 && (session.passed === false || session.errors.length > 0)) {
          failed += 1;
        }
      }
      // Printed at exit, after the default reporter's last progress frame, so it is the last line.
      process.once('exit', () => process.stdout.write(`\n${passed} passed, ${failed} failed\n`));
    },
  };
}
