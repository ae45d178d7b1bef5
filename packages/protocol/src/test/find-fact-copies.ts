/**
 * Test helper: finds hand-kept copies of `@wpay/protocol`'s facts in the other packages' sources
 * (a path, a header name, a signature retcode, a list of statuses, an exponent table…), so a
 * second definition is caught when it reappears. Comments are ignored: TSDoc examples may quote
 * a fact. Tests, test helpers and end-to-end suites are not scanned: their literals are the
 * expected values they check against.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CURRENCY_EXPONENTS } from '../currencies.js';
import { ENVIRONMENTS } from '../environments.js';
import { EVENT_TYPES } from '../events.js';
import { HEADERS } from '../headers.js';
import { INTERVAL_UNITS, PAY_MODES } from '../objects.js';
import { PATHS } from '../paths.js';
import { PAYMENT_STATUSES, SUBSCRIPTION_STATUSES } from '../statuses.js';

/** One copy found: where, and which fact it repeats. */
export interface FactCopy {
  file: string;
  line: number;
  fact: string;
  text: string;
}

/** The source folders of the packages that import `@wpay/protocol` (relative to the repo). */
export const SCANNED_FOLDERS: readonly string[] = [
  'packages/server-helper/src',
  'packages/sandbox/src',
  'packages/widget/src',
  'packages/cli/src',
  'demo/server',
  'demo/storefront',
  'demo/shared',
];

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const quoted = (values: readonly string[]): string =>
  `['"\`](?:${values.map(escapeRegExp).join('|')})['"\`]`;
/** At least `min` of `item`, one after another, separated by `,` or `|` (a list or a union). */
const run = (item: string, min: number): RegExp =>
  new RegExp(`${item}(?:\\s*[,|]\\s*${item}){${min - 1},}`, 'g');

/** What counts as a copy of each fact. */
const DETECTORS: ReadonlyArray<{ fact: string; pattern: RegExp }> = [
  { fact: 'an endpoint path (PATHS)', pattern: new RegExp(quoted(Object.values(PATHS)), 'g') },
  {
    fact: 'a signature header name (HEADERS)',
    pattern: new RegExp(quoted([HEADERS.signature, HEADERS.timestamp]), 'g'),
  },
  { fact: 'a documented retcode (REFUSALS)', pattern: /['"`]0000[6-9]['"`]/g },
  {
    fact: 'a base URL (ENVIRONMENTS)',
    pattern: new RegExp(quoted(Object.values(ENVIRONMENTS)), 'g'),
  },
  {
    fact: 'a list of statuses (PAYMENT_STATUSES, SUBSCRIPTION_STATUSES)',
    pattern: run(quoted([...new Set([...PAYMENT_STATUSES, ...SUBSCRIPTION_STATUSES])]), 3),
  },
  {
    fact: 'a table of status codes (PAYMENT_STATUS_CODES)',
    pattern: run(`(?:${PAYMENT_STATUSES.join('|')})\\s*:\\s*\\d+`, 3),
  },
  {
    fact: 'an exponent table (CURRENCY_EXPONENTS)',
    pattern: run(`\\b(?:${Object.keys(CURRENCY_EXPONENTS).join('|')})\\s*:\\s*[0-4]\\b`, 3),
  },
  {
    fact: 'a list of currencies (CURRENCY_EXPONENTS)',
    pattern: run(quoted(Object.keys(CURRENCY_EXPONENTS)), 5),
  },
  {
    fact: 'a list of event types (EVENT_TYPES)',
    pattern: run(quoted(Object.keys(EVENT_TYPES)), 3),
  },
  {
    fact: 'a table of event kinds (EVENT_TYPES)',
    pattern: run(
      `${quoted(Object.keys(EVENT_TYPES))}\\s*:\\s*['"\`](?:payment|subscription|bill)['"\`]`,
      3,
    ),
  },
  { fact: 'the pay modes (PAY_MODES)', pattern: run(quoted(PAY_MODES), 2) },
  { fact: 'the interval units (INTERVAL_UNITS)', pattern: run(quoted(INTERVAL_UNITS), 3) },
];

/**
 * Marks a deliberate subset of a fact on its line (`z.enum(PAYMENT_STATUSES).extract([…])`, typed
 * by the protocol's own type, so it cannot name a status that does not exist).
 */
export const SUBSET_MARK = '@wpay/protocol subset';

/** Blanks comments (keeping line breaks, so line numbers stay right). */
function withoutComments(source: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return source
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(
      /(^|[^:'"`\\])(\/\/[^\n]*)/g,
      (_, before: string, comment: string) => before + blank(comment),
    );
}

/**
 * The copies of protocol facts in one source text.
 *
 * @example
 * ```ts
 * scanSource("const P = '/checkout/w-payment/hpp';", 'x.ts')[0]?.fact; // 'an endpoint path (PATHS)'
 * ```
 */
export function scanSource(source: string, file: string): FactCopy[] {
  const code = withoutComments(source);
  const lines = source.split('\n');
  const copies: FactCopy[] = [];
  for (const { fact, pattern } of DETECTORS) {
    for (const match of code.matchAll(pattern)) {
      const line = code.slice(0, match.index).split('\n').length;
      if (lines[line - 1]?.includes(SUBSET_MARK)) continue;
      copies.push({ file, line, fact, text: match[0].replace(/\s+/g, ' ') });
    }
  }
  return copies;
}

function isScanned(path: string): boolean {
  const parts = path.split(sep);
  if (parts.some((part) => ['node_modules', 'dist', 'test', 'e2e'].includes(part))) return false;
  return /\.(ts|js|mjs)$/.test(path) && !/\.(test|spec|soak)\.ts$/.test(path);
}

function filesUnder(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries.map((entry) => join(folder, entry)).filter(isScanned);
}

/**
 * The copies of protocol facts in the scanned folders of a checkout of the kit.
 *
 * @example
 * ```ts
 * findFactCopies(repoRoot); // [] when every fact is imported from @wpay/protocol
 * ```
 */
export function findFactCopies(root: string): FactCopy[] {
  return SCANNED_FOLDERS.flatMap((folder) =>
    filesUnder(join(root, folder)).flatMap((path) =>
      scanSource(readFileSync(path, 'utf8'), relative(root, path)),
    ),
  );
}
