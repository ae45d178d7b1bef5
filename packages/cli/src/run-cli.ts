/** @module `wpay …`: reads the flags, starts the doctor's sandbox or targets a real WPay, prints the report. */
import { readFile } from 'node:fs/promises';
import {
  SANDBOX_DEFAULTS,
  type Sandbox,
  type SandboxCredentials,
  startSandbox,
} from '@wpay/sandbox';
import { type CliArgs, parseCliArgs, USAGE } from './cli-args.js';
import { DOCTOR_DEFAULTS } from './doctor-defaults.js';
import { readEnvFile } from './env-file.js';
import { formatReport, formatReportJson } from './format-report.js';
import { type DoctorReport, runDoctor } from './run-doctor.js';

/**
 * Where the command writes, and the environment it reads `WPAY_*` from (`--env` mode).
 *
 * @example
 * ```ts
 * const io: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), env: process.env };
 * ```
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
}

const CREDENTIAL_NAMES = {
  apiKey: 'WPAY_API_KEY',
  apiSecret: 'WPAY_API_SECRET',
  signKey: 'WPAY_SIGN_KEY',
} as const;

/** A refusal of the command line or of its inputs: exit code 2. */
class UsageError extends Error {}

/**
 * Runs the command; resolves with its exit code (0 every check passes, 1 one fails or the
 * sandbox cannot start, 2 a bad option).
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), io);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseOrRefuse(argv);
    if (args.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (args.command === 'version') {
      const manifest = JSON.parse(
        await readFile(new URL('../package.json', import.meta.url), 'utf8'),
      ) as { version: string };
      io.stdout(`${manifest.version}\n`);
      return 0;
    }
    const fileEnv =
      args.credentialsFrom === undefined
        ? {}
        : await readEnvFile(args.credentialsFrom).catch((error: Error) => {
            throw new UsageError(error.message);
          });
    const report =
      args.env !== undefined
        ? await realWPay(args, { ...io.env, ...fileEnv })
        : await embedded(args, fileEnv, io);
    if (report === undefined) return 0;
    io.stdout(args.json ? formatReportJson(report) : formatReport(report));
    return report.ok ? 0 : 1;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`wpay: ${message}\n`);
    if (error instanceof UsageError) {
      io.stderr('Run wpay --help for the options.\n');
      return 2;
    }
    return 1;
  }
}

/** The flags, or a {@link UsageError} saying which one is wrong. */
function parseOrRefuse(argv: readonly string[]): CliArgs {
  try {
    return parseCliArgs(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function realWPay(
  args: CliArgs,
  env: Record<string, string | undefined>,
): Promise<DoctorReport> {
  const credentials = credentialsOf(env, { required: true });
  if (credentials === undefined) throw new UsageError('unreachable');
  const baseUrl = env.WPAY_BASE_URL;
  const target = baseUrl
    ? { ...credentials, baseUrl }
    : { ...credentials, environment: args.env ?? 'sandbox' };
  return runDoctor({ wpay: target });
}

async function embedded(
  args: CliArgs,
  fileEnv: Record<string, string>,
  io: CliIo,
): Promise<DoctorReport | undefined> {
  const credentials = credentialsOf(fileEnv, { required: false }) ?? {
    ...SANDBOX_DEFAULTS.credentials,
  };
  const port = args.sandboxPort ?? portOf(fileEnv.WPAY_BASE_URL) ?? DOCTOR_DEFAULTS.sandboxPort;
  if (args.printEnv) {
    const host = args.sandboxHost === '0.0.0.0' ? '127.0.0.1' : args.sandboxHost;
    io.stdout(
      envLines({
        WPAY_BASE_URL: `http://${host}:${port}`,
        WPAY_API_KEY: credentials.apiKey,
        WPAY_API_SECRET: credentials.apiSecret,
        WPAY_SIGN_KEY: credentials.signKey,
      }),
    );
    return undefined;
  }
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      port,
      host: args.sandboxHost,
      credentials,
      merchantName: 'wpay doctor',
    });
  } catch (error) {
    const busy = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    throw new Error(
      busy
        ? `port ${port} is taken: stop the sandbox that holds it (e.g. \`npm run dev\`'s), the doctor starts its own there; or give --sandbox-port and start the shop with the lines of --print-env`
        : `the sandbox could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    // On stderr with --json too (stdout is the report): with --sandbox-port 0 these lines are
    // the only way to learn where the sandbox listens.
    io.stderr(
      `The doctor's WPay sandbox listens on ${sandbox.url}; the shop must run with:\n${envLines(sandbox.env)}\n`,
    );
    await waitForShop(args.shop, args.waitForShopSeconds);
    return await runDoctor({
      shop: args.shop,
      sandbox,
      routes: args.routes,
      ...(args.checkoutBody !== undefined ? { checkoutBody: args.checkoutBody } : {}),
    });
  } finally {
    await sandbox.close();
  }
}

function credentialsOf(
  env: Record<string, string | undefined>,
  { required }: { required: boolean },
): SandboxCredentials | undefined {
  const found = Object.entries(CREDENTIAL_NAMES).filter(([, name]) => env[name]);
  if (found.length === 0 && !required) return undefined;
  if (found.length < 3) {
    const missing = Object.values(CREDENTIAL_NAMES).filter((name) => !env[name]);
    throw new UsageError(
      `missing ${missing.join(', ')} (give all three, in --credentials-from FILE or the environment)`,
    );
  }
  return {
    apiKey: env.WPAY_API_KEY ?? '',
    apiSecret: env.WPAY_API_SECRET ?? '',
    signKey: env.WPAY_SIGN_KEY ?? '',
  };
}

function portOf(baseUrl: string | undefined): number | undefined {
  if (baseUrl === undefined) return undefined;
  try {
    const url = new URL(baseUrl);
    return url.port === '' ? undefined : Number(url.port);
  } catch {
    throw new UsageError(
      `WPAY_BASE_URL must be a URL such as http://127.0.0.1:4010, not "${baseUrl}"`,
    );
  }
}

function envLines(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');
}

/** Polls the shop's base URL until it answers anything, for at most `seconds`. */
async function waitForShop(shop: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      await fetch(shop, { redirect: 'manual', signal: AbortSignal.timeout(2_000) }).then((r) =>
        r.body?.cancel(),
      );
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
