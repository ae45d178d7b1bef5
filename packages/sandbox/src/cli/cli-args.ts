/** @module The `wpay-sandbox` command line: flags, usage text, parsing into options. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SANDBOX_DEFAULTS as D, PROTOCOL_DEFAULT_KEYS } from '../defaults.js';
import { FAULT_KINDS, parseFaultFlag } from '../faults/fault-rule.js';
import { readFixtureFile } from '../fixtures/load-fixtures.js';
import { CREDENTIAL_TABLE, OPTION_TABLE, type OptionRow } from '../option-table.js';
import { optionIssues, type SandboxOptions } from '../options.js';
import { SCENARIO_NAMES } from '../scenarios/run-scenario.js';

/**
 * One value flag of the CLI: the option it sets, how it reads, and its line of help.
 *
 * @example
 * ```ts
 * const spec: FlagSpec = { flag: 'seed', option: 'seed', kind: 'number', arg: 'n', help: 'PRNG seed' };
 * ```
 */
export interface FlagSpec {
  flag: string;
  /** Option path it sets (`credentials.apiKey`). */
  option: string;
  kind: 'number' | 'text';
  arg: string;
  help: string;
}

/**
 * Every value flag of `wpay-sandbox`, in the order of `--help`. The usage text and the parser
 * are both made from this table, so they cannot drift apart.
 *
 * @example
 * ```ts
 * CLI_FLAGS.find((f) => f.flag === 'time-scale')?.option; // 'timeScale'
 * ```
 */
export const CLI_FLAGS: readonly FlagSpec[] = [
  ...flagsOf(OPTION_TABLE, ''),
  ...flagsOf(CREDENTIAL_TABLE, 'credentials.'),
];

function flagsOf(table: Record<string, OptionRow<unknown>>, prefix: string): FlagSpec[] {
  return Object.entries(table).flatMap(([option, { flag }]) =>
    flag
      ? [
          {
            flag: flag.name,
            option: `${prefix}${option}`,
            kind: flag.kind,
            arg: flag.arg,
            help: flag.help,
          },
        ]
      : [],
  );
}

/** The keys of a `--merchant` spec, the merchant option each sets, and their help. */
const MERCHANT_FLAG_KEYS: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'merchantName',
  'api-key': 'credentials.apiKey',
  'api-secret': 'credentials.apiSecret',
  'sign-key': 'credentials.signKey',
  'webhook-url': 'webhookUrl',
};
const MERCHANT_KEYS: ReadonlyArray<[string, string]> = [
  ['id', '1-32 of [A-Za-z0-9_-], required; its control API is /__sandbox/merchants/<id>/'],
  ['name', 'shown on its hosted pages (default: the id)'],
  ['api-key, api-secret', 'default wpay_test_<id>_api_key, wpay_test_<id>_api_secret'],
  ['sign-key', 'default wpay_test_<id>_sign_key'],
  ['webhook-url', 'where its webhooks go (default: none, kept)'],
];

const WIDTH = Math.max(...CLI_FLAGS.map((f) => f.flag.length + f.arg.length + 6)) + 2;
const line = (left: string, help: string) => `  ${left.padEnd(WIDTH)}${help}`;

/**
 * The CLI's usage text (`--help`), made from {@link CLI_FLAGS} and the fault rule keys.
 *
 * @example
 * ```ts
 * process.stdout.write(USAGE);
 * ```
 */
export const USAGE = `Usage: wpay-sandbox [options]

A local WPay: the API, a hosted payment page, signed webhooks, faults, a dashboard at / and a
control API at /__sandbox/ (no token: local use only). Prints its URL and test credentials as
WPAY_*= lines; stops on SIGINT or SIGTERM.

Options:
${CLI_FLAGS.map((f) => line(`--${f.flag} <${f.arg}>`, f.help)).join('\n')}
${line('--fault <rule>', 'a fault rule, repeatable (see below)')}
${line('--default <key=value>', 'override a protocol default, repeatable (see below)')}
${line('--scenario <name>', 'set up a named scenario once listening, repeatable (see the README)')}
${line('--fixture <path>', 'payments and subscriptions to hold at start and after each reset (JSON)')}
${line('--merchant <spec>', 'one more merchant in the same sandbox, repeatable (see below)')}
${line('--merchants-file <path>', 'more merchants from a JSON array of {id, merchantName, credentials, webhookUrl, faults}')}
${line('--ready-file <path>', 'once listening, write {"url", WPAY_* variables} as JSON to <path> (for scripts)')}
${line('--verbose', 'log every API call, fault and webhook attempt to stderr')}
${line('-h, --help', 'show this text')}
${line('--version', "print the package's version")}

Fault rules: comma-separated key=value pairs, e.g.
  --fault kind=http-5xx,path=/checkout/w-payment/hpp,times=2
  --fault kind=webhook-drop,path=credit_card.order.paid,probability=0.5
${line('kind', FAULT_KINDS.join(', '))}
${line('path', 'an API path, or an event type for webhook-* kinds; * (default) for all')}
${line('probability', '0 to 1 (default 1), drawn from the --seed PRNG')}
${line('times', 'how often it may fire (default: unlimited)')}
${line('latencyMs', `latency: how long (default ${D.faultLatencyMs})`)}
${line('status', `http-5xx: the HTTP status (default ${D.faultHttpStatus}); retcode: its HTTP status (200)`)}
${line('retcode, retmsg', `retcode: the envelope's retcode (default ${D.faultRetcode}) and retmsg`)}
${line('holdMs', 'timeout: drop the connection after that long (default: hold it)')}
${line('delayMs', `webhook-reorder: hold the event back that long (default ${D.reorderDelayMs} / time scale)`)}
${line('phase', 'before (default) or after: after lets the call take effect, then loses the answer')}

Merchants: comma-separated key=value pairs, each merchant with its own credentials, sign key,
webhook URL and state; the top-level flags describe the merchant "default". E.g.
  --merchant id=north,name=North Mugs,webhook-url=http://127.0.0.1:3001/hooks
${MERCHANT_KEYS.map(([key, help]) => line(key, help)).join('\n')}

Protocol defaults (--default key=value; numbers and lists are read as JSON, e.g.
--default timeZoneOffsetMinutes=480 --default 'webhookRetryScheduleSeconds=[1,2,4]'):
${PROTOCOL_DEFAULT_KEYS.map((key) => line(key, `default ${JSON.stringify(D[key])}`)).join('\n')}
`;

/**
 * What the command line asks for.
 *
 * @example
 * ```ts
 * const request: CliRequest = parseCliArgs(process.argv.slice(2));
 * ```
 */
export type CliRequest =
  /** `--help` or `--version`: print the usage (or the package's version) and exit. */
  | { help: true; version?: boolean }
  | {
      help: false;
      verbose: boolean;
      readyFile?: string;
      /** Named scenarios to set up once listening, in order (`--scenario`). */
      scenarios: string[];
      options: SandboxOptions;
    };

/**
 * Turns `wpay-sandbox` arguments into checked `startSandbox` options; throws a message naming
 * the bad flag.
 *
 * @example
 * ```ts
 * parseCliArgs(['--port', '0', '--fault', 'kind=latency,latencyMs=100']);
 * ```
 */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      ...Object.fromEntries(CLI_FLAGS.map((f) => [f.flag, { type: 'string' as const }])),
      fault: { type: 'string', multiple: true },
      default: { type: 'string', multiple: true },
      merchant: { type: 'string', multiple: true },
      'merchants-file': { type: 'string' },
      fixture: { type: 'string' },
      scenario: { type: 'string', multiple: true },
      verbose: { type: 'boolean' },
      'ready-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
  const read = values as Record<string, string | boolean | string[] | undefined>;
  if (read.help) return { help: true };
  if (read.version) return { help: true, version: true };
  const options: Record<string, unknown> = Object.fromEntries(
    Object.entries(OPTION_TABLE).flatMap(([option, { flag }]) =>
      flag?.cliDefault === undefined ? [] : [[option, flag.cliDefault]],
    ),
  );
  for (const spec of CLI_FLAGS) {
    const value = read[spec.flag];
    if (typeof value === 'string') setPath(options, spec.option, flagValue(spec, value));
  }
  const faults = read.fault;
  if (Array.isArray(faults)) options.faults = faults.map((rule) => parseFaultFlag(String(rule)));
  const defaults = read.default;
  if (Array.isArray(defaults)) options.defaults = parseDefaultFlags(defaults.map(String));
  const file = read['merchants-file'];
  const fromFile = typeof file === 'string' ? merchantsFromFile(file) : [];
  const specs = Array.isArray(read.merchant) ? read.merchant.map(String) : [];
  const merchants = [...fromFile, ...specs.map(parseMerchantFlag)];
  if (merchants.length > 0) options.merchants = merchants;
  const fixture = read.fixture;
  if (typeof fixture === 'string') options.fixtures = readFixtureFile(fixture);
  const issues = optionIssues(options).map(({ option, message }) => {
    const spec = CLI_FLAGS.find((f) => f.option === option);
    const merchant = /^merchants\.(\d+)\.?/.exec(option);
    const index = Number(merchant?.[1]);
    const rest = merchant ? option.slice(merchant[0].length) || 'merchant' : '';
    const name = option.startsWith('defaults.')
      ? `--default ${option.slice(9)}`
      : !merchant
        ? option
        : index < fromFile.length
          ? `--merchants-file ${String(file)} [${index}] ${rest}`
          : `--merchant ${String(merchants[index]?.id ?? index)} ${rest}`;
    return `${spec ? `--${spec.flag}` : name}: ${message}`;
  });
  if (issues.length > 0) throw new Error(issues.join('; '));
  const scenarios = Array.isArray(read.scenario) ? read.scenario.map(String) : [];
  const unknown = scenarios.find((name) => !SCENARIO_NAMES.includes(name));
  if (unknown !== undefined) {
    throw new Error(
      `--scenario ${unknown}: no such scenario (known: ${SCENARIO_NAMES.join(', ')})`,
    );
  }
  const readyFile = read['ready-file'];
  return {
    help: false,
    verbose: read.verbose === true,
    ...(typeof readyFile === 'string' ? { readyFile } : {}),
    scenarios,
    options: options as SandboxOptions,
  };
}

/** `--merchant id=north,name=North Mugs,…`: the merchant's options (checked with the rest). */
function parseMerchantFlag(spec: string): Record<string, unknown> {
  const merchant: Record<string, unknown> = {};
  for (const pair of spec.split(',')) {
    const index = pair.indexOf('=');
    const key = pair.slice(0, Math.max(index, 0)).trim();
    const option = MERCHANT_FLAG_KEYS[key];
    if (!option) {
      throw new Error(
        `--merchant ${spec}: expected key=value pairs with keys among ${Object.keys(MERCHANT_FLAG_KEYS).join(', ')}`,
      );
    }
    setPath(merchant, option, pair.slice(index + 1).trim());
  }
  if (merchant.id === undefined) throw new Error(`--merchant ${spec}: id=… is required`);
  return merchant;
}

/** `--merchants-file`: a JSON array of merchants (checked with the rest of the options). */
function merchantsFromFile(path: string): Array<Record<string, unknown>> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--merchants-file ${path}: cannot read it (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`--merchants-file ${path}: not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) {
    throw new Error(`--merchants-file ${path}: expected a JSON array of merchants`);
  }
  return parsed as Array<Record<string, unknown>>;
}

/** `--default key=value` pairs: a known key each; a number or list read as JSON. */
function parseDefaultFlags(pairs: readonly string[]): Record<string, unknown> {
  const known: readonly string[] = PROTOCOL_DEFAULT_KEYS;
  const defaults: Record<string, unknown> = {};
  for (const pair of pairs) {
    const index = pair.indexOf('=');
    const key = pair.slice(0, Math.max(index, 0));
    if (!known.includes(key)) {
      throw new Error(`--default ${pair}: expected key=value with a key among ${known.join(', ')}`);
    }
    const text = pair.slice(index + 1);
    defaults[key] = typeof D[key as keyof typeof D] === 'string' ? text : jsonOrText(text);
  }
  return defaults;
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function flagValue(spec: FlagSpec, value: string): string | number {
  if (spec.kind === 'number') {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) {
      throw new Error(`--${spec.flag}: expected a number, got "${value}"`);
    }
    return number;
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head = '', key] = path.split('.');
  if (key === undefined) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ?? {}) as Record<string, unknown>;
  inner[key] = value;
  target[head] = inner;
}
