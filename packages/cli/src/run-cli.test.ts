// `wpay …` as a shop runs it: flags, the lines it prints for the shop, exit codes, --json, and
// the --env mode against a WPay (here a sandbox standing in for the real one).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_DEFAULTS, type Sandbox, type SandboxEnvVars, startSandbox } from '@wpay/sandbox';
import { startExpressShop } from '../test/fixtures/express-shop.js';
import { runCli } from './run-cli.js';
import type { DoctorReport } from './run-doctor.js';

/** Runs the command in-process; resolves with its exit code and what it wrote. */
async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
  });
  return { code, stdout, stderr };
}

/**
 * The `WPAY_*` lines the doctor printed for the shop once its sandbox listens, or undefined while
 * they are not all there.
 */
function announcedEnv(stderr: string): SandboxEnvVars | undefined {
  const lines = new Map([...stderr.matchAll(/^(WPAY_\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
  const [WPAY_BASE_URL, WPAY_API_KEY, WPAY_API_SECRET, WPAY_SIGN_KEY] = [
    'WPAY_BASE_URL',
    'WPAY_API_KEY',
    'WPAY_API_SECRET',
    'WPAY_SIGN_KEY',
  ].map((name) => lines.get(name));
  if (!WPAY_BASE_URL || !WPAY_API_KEY || !WPAY_API_SECRET || !WPAY_SIGN_KEY) return undefined;
  return { WPAY_BASE_URL, WPAY_API_KEY, WPAY_API_SECRET, WPAY_SIGN_KEY };
}

describe('when asked for the lines a shop must run with (--print-env)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wpay-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("prints the sandbox's test credentials on the default port", async () => {
    const { code, stdout } = await cli(['doctor', '--print-env']);
    assert.equal(code, 0);
    const { apiKey, apiSecret, signKey } = SANDBOX_DEFAULTS.credentials;
    assert.equal(
      stdout,
      `WPAY_BASE_URL=http://127.0.0.1:4010\nWPAY_API_KEY=${apiKey}\nWPAY_API_SECRET=${apiSecret}\nWPAY_SIGN_KEY=${signKey}\n`,
    );
  });

  it("takes the port and credentials from the shop's .env (--credentials-from)", async () => {
    const file = join(dir, '.env');
    await writeFile(
      file,
      '# the shop\nWPAY_BASE_URL=http://127.0.0.1:4555\nWPAY_API_KEY=k1\nexport WPAY_API_SECRET="s 1"\nWPAY_SIGN_KEY=sk\n',
    );
    const { code, stdout } = await cli(['doctor', '--print-env', '--credentials-from', file]);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      'WPAY_BASE_URL=http://127.0.0.1:4555\nWPAY_API_KEY=k1\nWPAY_API_SECRET=s 1\nWPAY_SIGN_KEY=sk\n',
    );
  });

  it('refuses a .env with only some of the credentials, naming the missing ones (exit 2)', async () => {
    const file = join(dir, 'partial.env');
    await writeFile(file, 'WPAY_API_KEY=k1\n');
    const { code, stderr } = await cli(['doctor', '--print-env', '--credentials-from', file]);
    assert.equal(code, 2);
    assert.match(stderr, /missing WPAY_API_SECRET, WPAY_SIGN_KEY/);
  });
});

describe('when a flag is wrong', () => {
  it('exits 2 naming the flag', async () => {
    for (const [argv, named] of [
      [['doctor', '--shop', 'localhost:3000'], /--shop must be an http\(s\) URL/],
      [['doctor', '--webhook-path', 'hooks'], /--webhook-path must be a path/],
      [['doctor', '--checkout-body', '[1]'], /--checkout-body must be a JSON object/],
      [['doctor', '--env', 'staging'], /--env must be sandbox or production/],
      [['doctor', '--colour'], /--colour/],
      [['check'], /unknown command "check"/],
    ] as const) {
      const { code, stderr } = await cli([...argv]);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, named);
    }
  });
});

describe('when run against a shop with --json', () => {
  it('exits 0 with every check passed for a correct shop, 1 naming the failure for a broken one', async () => {
    for (const breakage of [undefined, 'no-origin-check'] as const) {
      // The doctor's sandbox takes a free port itself (0); the shop, already listening, learns
      // its WPay from the lines the doctor prints (stderr, beside the JSON) and answers only then.
      let learn: (env: SandboxEnvVars) => void = () => {};
      const env = new Promise<SandboxEnvVars>((resolve) => {
        learn = resolve;
      });
      const shop = await startExpressShop(env, breakage ? { breakage } : {});
      let stdout = '';
      let stderr = '';
      try {
        const code = await runCli(['doctor', '--json', '--shop', shop.url, '--sandbox-port', '0'], {
          stdout: (text) => {
            stdout += text;
          },
          stderr: (text) => {
            stderr += text;
            const announced = announcedEnv(stderr);
            if (announced) learn(announced);
          },
          env: {},
        });
        assert.ok(announcedEnv(stderr), stderr);
        assert.notEqual(new URL(announcedEnv(stderr)?.WPAY_BASE_URL ?? '').port, '0');
        const report = JSON.parse(stdout) as DoctorReport;
        const failed = report.results.filter((r) => r.status === 'fail').map((r) => r.name);
        assert.deepEqual(failed, breakage ? ['checkout.origin'] : []);
        assert.equal(code, breakage ? 1 : 0);
      } finally {
        await shop.close();
      }
    }
  });
});

describe('when pointed at a WPay account (--env)', () => {
  let wpay: Sandbox;
  before(async () => {
    wpay = await startSandbox({ port: 0 });
  });
  after(() => wpay.close());

  const run = (overrides: Record<string, string>) =>
    cli(['doctor', '--env', 'sandbox', '--json'], { ...wpay.env, ...overrides });
  const statuses = (stdout: string) =>
    Object.fromEntries((JSON.parse(stdout) as DoctorReport).results.map((r) => [r.name, r.status]));

  it('passes the token fetch and the signed round trip, and creates no payment', async () => {
    const { code, stdout } = await run({});
    assert.deepEqual(statuses(stdout), { 'wpay.token': 'pass', 'wpay.signature': 'pass' });
    assert.equal(code, 0);
    assert.equal(wpay.state.payments.length, 0);
  });

  it('fails wpay.signature with another sign key', async () => {
    const { code, stdout } = await run({ WPAY_SIGN_KEY: 'not-the-key' });
    assert.deepEqual(statuses(stdout), { 'wpay.token': 'pass', 'wpay.signature': 'fail' });
    assert.equal(code, 1);
  });

  it('fails wpay.token with another API secret', async () => {
    const { code, stdout } = await run({ WPAY_API_SECRET: 'not-the-secret' });
    assert.deepEqual(statuses(stdout), { 'wpay.token': 'fail', 'wpay.signature': 'skip' });
    assert.equal(code, 1);
  });
});
