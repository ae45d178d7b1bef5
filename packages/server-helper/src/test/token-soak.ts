/**
 * `pnpm test:soak` (server helper): 4 merchant processes sharing one Redis and one sandbox make
 * 2 000 checkouts while WPay's token is revoked and expires several times. Passes when no call
 * failed and WPay issued exactly one token per revocation or expiry (plus the first). Prints its
 * figures.
 */
import { runProcessBurst } from './token-burst-processes.js';

const figures = await runProcessBurst({
  processes: 4,
  callsPerProcess: 500,
  concurrencyPerProcess: 50,
  revocations: 4,
  expiries: 3,
});
const expectedTokens = figures.revocations + figures.expiries + 1;
const passed =
  figures.calls === 2000 &&
  figures.failures === 0 &&
  figures.revocations === 4 &&
  figures.expiries === 3 &&
  figures.tokensIssued === expectedTokens;
console.log(
  [
    `token soak: ${figures.processes} processes, ${figures.calls} checkouts, ${figures.failures} failed`,
    `${figures.revocations} revocations, ${figures.expiries} expiries, ${figures.tokensIssued} tokens issued (expected ${expectedTokens})`,
    `${figures.durationMs} ms`,
  ].join('; '),
);
for (const error of figures.errors) console.log(`  failure: ${error}`);
console.log(`${passed ? 1 : 0} passed, ${passed ? 0 : 1} failed`);
process.exit(passed ? 0 : 1);
