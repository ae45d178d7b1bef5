// `pnpm --filter @wpay/demo start` (or `npm run demo` at the root): the storefront, the merchant
// server and the embedded WPay sandbox in one process. Ctrl-C (or SIGTERM) stops everything.
import { readConfig } from './config.js';
import type { DemoLogger } from './logger.js';
import { type Demo, startDemo } from './start-demo.js';

const log =
  (write: (...data: unknown[]) => void, level: string) =>
  (message: string, details?: Record<string, unknown>) =>
    write(`[demo] ${level}${message}`, ...(details ? [JSON.stringify(details)] : []));

const logger: DemoLogger = {
  info: log(console.log, ''),
  warn: log(console.warn, 'warning: '),
  error: log(console.error, 'error: '),
};

let demo: Demo | undefined;
let stopping = false;

/** Ctrl-C / SIGTERM: stops the demo (or the start-up, builds included); a second one forces. */
function stop(signal: NodeJS.Signals): void {
  if (stopping || !demo) process.exit(130);
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  demo.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error('could not stop cleanly', { error: String(error) });
      process.exit(1);
    },
  );
}

/**
 * Stops when whatever launched the demo goes away without passing the signal on: `pnpm run`
 * ends its `sh -c` child on SIGTERM, and that shell does not forward it to this process.
 */
function stopWithLauncher(): void {
  const launcher = process.ppid;
  setInterval(() => {
    if (process.ppid !== launcher) stop('SIGHUP');
  }, 1000).unref();
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  stopWithLauncher();
  const config = readConfig(process.env);
  demo = await startDemo({
    port: config.port,
    host: config.host,
    fallbackWhenBusy: true,
    dbPath: config.dbPath,
    publicUrl: config.publicUrl,
    reconcileEveryMs: config.reconcileEveryMs,
    recoverySecret: config.recoverySecret,
    wpay: config.wpay,
    logger,
  });
  if (demo.port !== config.port && config.port !== 0) {
    logger.warn(`port ${config.port} is busy; using ${demo.port} instead`);
  }
  console.log(`Storefront: ${demo.publicUrl}`);
  console.log(`Admin:      ${demo.publicUrl}admin`);
  if (demo.sandbox) {
    console.log(`WPay sandbox dashboard: ${demo.sandbox.url}/`);
    console.log(
      'On the hosted page, pick 4242 4242 4242 4242 to pay; 4000 0000 0000 0002 is declined.',
    );
  } else {
    console.log(
      `WPay: ${demo.wpay.baseUrl} (real account; set its webhook URL to <public URL>/api/webhooks/wpay)`,
    );
  }
  console.log(`Database: ${config.dbPath}`);
  console.log('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
