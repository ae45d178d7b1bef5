// The tables of docs/protocol-defaults.md that are generated from this package, between
// `<!-- @wpay/protocol:NAME -->` and `<!-- /@wpay/protocol:NAME -->`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  EVENT_TYPES,
  PAYMENT_STATUS_CODES,
  PAYMENT_STATUS_OUTCOMES,
  PROTOCOL_DEFAULTS,
  REFUSALS,
} from '../index.js';

export const DOC_PATH = fileURLToPath(
  new URL('../../../../docs/protocol-defaults.md', import.meta.url),
);

function show(value: unknown): string {
  if (value instanceof RegExp) return `\`${value.source}\``;
  if (typeof value === 'string') return `\`${value}\``;
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.every(([, inner]) => typeof inner !== 'object' || Array.isArray(inner))) {
      return entries.map(([key, inner]) => `${key}: ${show(inner)}`).join('; ');
    }
    return `${entries.length} entries (below)`;
  }
  return `\`${String(value)}\``;
}

/** Each generated block by name. */
export const TABLES: Readonly<Record<string, () => string>> = {
  refusals: () =>
    [
      '| refusal | HTTP | retcode | retmsg names | `REFUSALS.` |',
      '|---|---|---|---|---|',
      ...Object.entries(REFUSALS).map(
        ([name, r]) =>
          `| ${r.when} | ${r.httpStatus} | \`${r.retcode}\` | ${r.retmsg} | \`${name}\` |`,
      ),
    ].join('\n'),
  'payment-status-codes': () =>
    [
      '| status | code (`PAYMENT_STATUS_CODES`) | outcome (`PAYMENT_STATUS_OUTCOMES`) | final |',
      '|---|---|---|---|',
      ...Object.entries(PAYMENT_STATUS_CODES).map(([status, code]) => {
        const { outcome, final } =
          PAYMENT_STATUS_OUTCOMES[status as keyof typeof PAYMENT_STATUS_CODES];
        return `| \`${status}\` | \`${code}\` | ${outcome} | ${final ? 'yes' : 'no'} |`;
      }),
    ].join('\n'),
  'event-types': () =>
    [
      '| event type (`EVENT_TYPES`) | `data` |',
      '|---|---|',
      ...Object.entries(EVENT_TYPES).map(([type, kind]) => `| \`${type}\` | ${kind} |`),
    ].join('\n'),
  'named-defaults': () =>
    [
      '| `PROTOCOL_DEFAULTS.` | constant | value | decides |',
      '|---|---|---|---|',
      ...Object.entries(PROTOCOL_DEFAULTS).map(
        ([name, d]) => `| \`${name}\` | \`${d.constant}\` | ${show(d.value)} | ${d.decides} |`,
      ),
    ].join('\n'),
};

const BLOCK = /(<!-- @wpay\/protocol:([\w-]+) -->)[\s\S]*?(<!-- \/@wpay\/protocol:\2 -->)/g;

/** `markdown` with every generated block rewritten from this package. */
export function renderDoc(markdown: string): string {
  return markdown.replace(BLOCK, (_match, open: string, name: string, close: string) => {
    const table = TABLES[name];
    if (!table) throw new Error(`docs/protocol-defaults.md names an unknown block "${name}"`);
    return `${open}\n${table()}\n${close}`;
  });
}

/** The names of the blocks `markdown` has. */
export function blocksIn(markdown: string): string[] {
  return [...markdown.matchAll(BLOCK)].map((match) => match[2] as string);
}

export function readDoc(): string {
  return readFileSync(DOC_PATH, 'utf8');
}
