// `pnpm test:soak`: the long suites kept out of `npm test` (storms, multi-process token rushes,
// property-based hostile input). Each package that has one declares a `test:soak` script; this
// runs them one after another, prints each one's figures as it goes, and closes with
// "soak: N passed, N failed".
import { spawnSync } from 'node:child_process';

const SUITES = ['@wpay/server-helper', '@wpay/sandbox', '@wpay/widget', '@wpay/demo'];

let failed = 0;
let ran = 0;
for (const suite of SUITES) {
  console.log(`\n=== soak: ${suite} ===`);
  const { status } = spawnSync('pnpm', ['--filter', suite, 'run', '--if-present', 'test:soak'], {
    stdio: 'inherit',
  });
  ran++;
  if (status !== 0) failed++;
}
console.log(`soak: ${ran - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
