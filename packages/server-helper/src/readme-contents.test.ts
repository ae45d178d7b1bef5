// The README as a document: its code is the example files (so all of it type-checks), it keeps
// the guide's sections, and its options table names every option.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { DEFAULTS } from './defaults.js';
import { wpayOptionsSchema } from './options.js';

const README = new URL('../README.md', import.meta.url);
const EXAMPLES = new URL('./test/readme-examples/', import.meta.url);
/** Example helpers that stand in for the shop's own code; not shown in the README. */
const NOT_SHOWN = new Set(['orders.ts']);

const readme = await readFile(README, 'utf8');

/** The body of every ```ts block, in order. */
function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** The text from `heading` to the next heading of the same level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has no "${heading}" section`);
  const level = heading.split(' ')[0] as string;
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n${level} `));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('README.md', () => {
  it('shows each example file verbatim, and has no ts block that is not one', async () => {
    const files = (await readdir(EXAMPLES)).filter((file) => !NOT_SHOWN.has(file)).sort();
    const examples = await Promise.all(
      files.map((file) => readFile(new URL(file, EXAMPLES), 'utf8')),
    );
    const blocks = tsBlocks(readme);
    files.forEach((file, i) => {
      assert.ok(blocks.includes(examples[i] as string), `README block for ${file} differs`);
    });
    for (const block of blocks) {
      assert.ok(examples.includes(block), `README block is no example file:\n${block}`);
    }
  });

  it('is the only README (the handlers guide is merged in)', () => {
    assert.equal(existsSync(new URL('../README.handlers.md', import.meta.url)), false);
    assert.doesNotMatch(readme, /README\.handlers/);
  });

  it('covers what a shop developer needs, in order', () => {
    const headings = [
      '## Install',
      '## Quick start',
      '## Set up the endpoints',
      '## Checkout handler',
      '## Webhooks',
      '## Status handler',
      '## Adapters',
      '### Express',
      '### Next.js (App Router)',
      '### Hono',
      '### Fastify',
      '### NestJS',
      '### Bun and Deno',
      '### Node’s `http`',
      '### Cloudflare Workers',
      '## Many servers: Redis',
      '## Client resources',
      '## Errors',
      '## Options',
      '## Security notes',
    ];
    const positions = headings.map((heading) => readme.indexOf(`\n${heading}\n`));
    for (const [i, heading] of headings.entries()) {
      assert.ok((positions[i] ?? -1) >= 0, `missing ${heading}`);
    }
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'sections out of order',
    );
  });

  it('lists every WPay option in the options table, each setting of a group by its path', () => {
    const named = new Set(optionRows(section(readme, '## Options')).flatMap((row) => row.names));
    for (const option of Object.keys(wpayOptionsSchema.shape)) {
      const group = GROUPS.includes(option) ? valueAt(DEFAULTS, option) : undefined;
      const names = group ? Object.keys(group).map((key) => `${option}.${key}`) : [option];
      for (const name of names)
        assert.ok(named.has(name), `the options table does not list ${name}`);
    }
  });

  it('shows the default of every plain setting as DEFAULTS has it', () => {
    let compared = 0;
    for (const { names, defaults } of optionRows(section(readme, '## Options'))) {
      const values = names.map((name) => valueAt(DEFAULTS, name));
      if (defaults.includes('derived') || !values.every(isPlain)) continue;
      const shown = [...defaults.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      assert.deepEqual(shown, values.map(formatted), `the default of ${names.join(', ')}`);
      compared += names.length;
    }
    assert.ok(compared >= 35, `only ${compared} defaults compared`);
  });
});

/** The groups whose settings the table lists one by one (`webhooks.toleranceMs`). */
const GROUPS = ['protocol', 'webhooks', 'checkout', 'refunds', 'status'];

/** Each row of the options table: the options it names and its default cell. */
function optionRows(table: string): Array<{ names: string[]; defaults: string }> {
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [, names = '', defaults = ''] = line.split('|');
      return { names: [...names.matchAll(/`([\w.]+)`/g)].map((m) => m[1] as string), defaults };
    });
}

function valueAt(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], root);
}

function isPlain(value: unknown): boolean {
  return (
    ['number', 'string', 'boolean'].includes(typeof value) ||
    value instanceof RegExp ||
    (Array.isArray(value) && value.every(isPlain))
  );
}

/** A default as the README writes it: `30000`, `'SUCCESS'`, `['429', '5xx']`, `/^…$/`. */
function formatted(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(formatted).join(', ')}]`;
  return String(value);
}
