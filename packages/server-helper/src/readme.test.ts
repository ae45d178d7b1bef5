// The README's quick start runs as written (through the package's own name) against the sandbox.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Sandbox, startSandbox } from '@wpay/sandbox';

const here = dirname(fileURLToPath(import.meta.url));

function codeBlockAfter(markdown: string, heading: string): string {
  const section = markdown.slice(markdown.indexOf(heading));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error(`no ts block after ${heading}`);
  return match[1];
}

describe('README', () => {
  let sb: Sandbox;
  const file = join(here, 'test', `.readme-quick-start-${process.pid}.ts`);
  const env = ['WPAY_API_KEY', 'WPAY_API_SECRET', 'WPAY_SIGN_KEY', 'WPAY_BASE_URL'] as const;

  before(async () => {
    sb = await startSandbox({ port: 0 });
    Object.assign(process.env, {
      WPAY_API_KEY: sb.credentials.apiKey,
      WPAY_API_SECRET: sb.credentials.apiSecret,
      WPAY_SIGN_KEY: sb.credentials.signKey,
      WPAY_BASE_URL: sb.url,
    });
  });
  after(async () => {
    rmSync(file, { force: true });
    for (const name of env) delete process.env[name];
    await sb.close();
  });

  it('runs the quick start', async () => {
    const readme = readFileSync(join(here, '..', 'README.md'), 'utf8');
    const code = codeBlockAfter(readme, '## Quick start').replace(
      'console.log(payment.status);',
      'globalThis.readmeStatus = payment.status;',
    );
    writeFileSync(file, `${code}\nexport {};\n`);
    await import(file);
    const status = (globalThis as { readmeStatus?: unknown }).readmeStatus;
    assert.equal(status, 'PAYING');
  });
});
