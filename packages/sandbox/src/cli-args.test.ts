import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseCliArgs } from './cli-args.js';

describe('when parsing wpay-sandbox flags', () => {
  it('defaults to the CLI port', () => {
    const request = parseCliArgs([]);
    assert.equal(request.help, false);
    assert.equal(request.help === false && request.options.port, 4010);
  });

  it('reads numbers, URLs, credentials and repeated faults', () => {
    const request = parseCliArgs([
      '--port',
      '0',
      '--webhook-url',
      'http://127.0.0.1:3000/hooks',
      '--time-scale',
      '1000',
      '--seed',
      '42',
      '--session-ttl',
      '60',
      '--sign-key',
      'k',
      '--fault',
      'kind=http-5xx,path=/checkout/w-payment/hpp,times=2',
      '--fault',
      'kind=webhook-drop',
    ]);
    assert.ok(!request.help);
    const { options } = request;
    assert.equal(options.port, 0);
    assert.equal(options.webhookUrl, 'http://127.0.0.1:3000/hooks');
    assert.equal(options.timeScale, 1000);
    assert.equal(options.seed, 42);
    assert.equal(options.sessionTtlSeconds, 60);
    assert.deepEqual(options.credentials, { signKey: 'k' });
    assert.equal(options.faults?.length, 2);
    assert.equal(options.faults?.[0]?.times, 2);
  });

  it('refuses a number flag that is not a number', () => {
    assert.throws(() => parseCliArgs(['--time-scale', 'fast']), /--time-scale/);
  });

  it('refuses an unknown flag', () => {
    assert.throws(() => parseCliArgs(['--colour', 'red']));
  });

  it('refuses a bad fault rule', () => {
    assert.throws(() => parseCliArgs(['--fault', 'kind=meteor']), /kind/);
  });

  it('asks for help', () => {
    assert.equal(parseCliArgs(['--help']).help, true);
  });
});

describe('when running the CLI', () => {
  it('prints its URL and test credentials, answers, and stops on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', cli, '--port', '0', '--api-key', 'cli-key'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /WPAY_BASE_URL=(\S+)/.exec(output);
          if (match && output.includes('WPAY_SIGN_KEY=')) resolve(match[1] ?? '');
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      assert.match(output, /WPAY_API_KEY=cli-key/);
      assert.match(output, /WPAY_API_SECRET=/);
      const state = await fetch(`${url}/__sandbox/state`);
      assert.equal(state.status, 200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
