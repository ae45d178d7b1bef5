/** @module The `wpay-sandbox` command: starts the sandbox and prints its URL and test credentials. */

import { readFile, rename, writeFile } from 'node:fs/promises';
import type { SandboxLogger } from '../logger.js';
import type { SandboxMerchant } from '../sandbox-merchant.js';
import { startSandbox } from '../start-sandbox.js';
import { sandboxEnv } from '../testing/sandbox-env.js';
import { parseCliArgs, USAGE } from './cli-args.js';

function consoleLogger(verbose: boolean): SandboxLogger {
  const write = (level: string) => (message: string, data?: Record<string, unknown>) =>
    console.error(`[wpay-sandbox] ${level} ${message}${data ? ` ${JSON.stringify(data)}` : ''}`);
  return {
    debug: verbose ? write('debug') : () => {},
    info: verbose ? write('info') : () => {},
    warn: write('warn'),
    error: write('error'),
  };
}

/**
 * Another merchant's lines: `WPAY_<ID>_*=` (upper case, `-` as `_`), so that evaluating the
 * output never overwrites the default merchant's `WPAY_*`.
 */
function merchantBlock(merchant: SandboxMerchant): string {
  const prefix = `WPAY_${merchant.id.toUpperCase().replace(/-/g, '_')}_`;
  const lines = Object.entries(merchant.env).map(
    ([name, value]) => `${name.replace(/^WPAY_/, prefix)}=${value}`,
  );
  return `
Merchant ${merchant.id} (${merchant.merchantName}), control API ${merchant.controlUrl}/:
${lines.join('\n')}
`;
}

async function main(): Promise<void> {
  let request: ReturnType<typeof parseCliArgs>;
  try {
    request = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`wpay-sandbox: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Run wpay-sandbox --help for the options.');
    process.exit(2);
  }
  if (request.help && request.version) {
    // The installed package's own manifest (dist/cli/ and src/cli/ both sit two levels below it).
    const manifest = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    console.log(manifest.version);
    return;
  }
  if (request.help) {
    console.log(USAGE);
    return;
  }
  let sb: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sb = await startSandbox({ ...request.options, logger: consoleLogger(request.verbose) });
  } catch (error) {
    console.error(
      `wpay-sandbox: cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  const { apiKey, apiSecret, signKey } = sb.credentials;
  const webhookUrl = request.options.webhookUrl;
  const others = sb.merchants.slice(1);
  console.log(`WPay sandbox listening on ${sb.url}
  dashboard    ${sb.url}/
  control API  ${sb.url}/__sandbox/  (no token: local use only)
  webhooks     ${webhookUrl ?? 'none yet (--webhook-url, or PUT /__sandbox/webhook-url)'}
  faults       ${sb.faults.list().length} rule(s)

Test credentials (sandbox only):
WPAY_BASE_URL=${sb.url}
WPAY_API_KEY=${apiKey}
WPAY_API_SECRET=${apiSecret}
WPAY_SIGN_KEY=${signKey}
${others.map((merchant) => merchantBlock(merchant)).join('')}`);
  for (const name of request.scenarios) {
    const result = await sb.scenario(name);
    console.log(`Scenario ${name}: trxNo ${result.trxNos.join(', ')}`);
  }
  if (request.readyFile) {
    // Written whole, then renamed: a script polling for the file never reads half of it.
    const partial = `${request.readyFile}.${process.pid}.tmp`;
    await writeFile(
      partial,
      `${JSON.stringify(
        {
          url: sb.url,
          pid: process.pid,
          ...sandboxEnv(sb),
          ...(others.length > 0
            ? { merchants: Object.fromEntries(others.map((m) => [m.id, m.env])) }
            : {}),
        },
        null,
        2,
      )}\n`,
    );
    await rename(partial, request.readyFile);
  }
  const stop = () => {
    void sb.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
