import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_DEFAULT_KEYS, SANDBOX_DEFAULTS } from '../defaults.js';
import { FAULT_KINDS, FaultRuleSchema } from '../faults/fault-rule.js';
import { SANDBOX_OPTION_NAMES } from '../options.js';
import { CLI_FLAGS, parseCliArgs, USAGE } from './cli-args.js';

/** A valid value for every value flag, and the option value it must give. */
const SAMPLES: Record<string, [string, unknown]> = {
  port: ['0', 0],
  host: ['127.0.0.1', '127.0.0.1'],
  'public-url': ['https://pay.sandbox.test', 'https://pay.sandbox.test'],
  'webhook-url': ['http://127.0.0.1:3000/hooks', 'http://127.0.0.1:3000/hooks'],
  'time-scale': ['1000', 1000],
  seed: ['42', 42],
  'token-ttl': ['60', 60],
  'refresh-token-ttl': ['120', 120],
  'session-ttl': ['30', 30],
  'timestamp-tolerance-ms': ['300000', 300_000],
  'signature-header': ['D-SIGNATURE', 'D-SIGNATURE'],
  'timestamp-header': ['D-TIMESTAMP', 'D-TIMESTAMP'],
  'refresh-response-shape': ['envelope', 'envelope'],
  'webhook-timeout-ms': ['500', 500],
  'slow-card-seconds': ['2', 2],
  'max-failed-renewals': ['5', 5],
  data: ['/tmp/sandbox-state.json', '/tmp/sandbox-state.json'],
  'max-payments': ['1000', 1000],
  'session-retention': ['60', 60],
  'max-webhook-events': ['500', 500],
  'merchant-name': ['Mug & Co', 'Mug & Co'],
  'api-key': ['cli-key', 'cli-key'],
  'api-secret': ['cli-secret', 'cli-secret'],
  'sign-key': ['cli-sign', 'cli-sign'],
};

const optionAt = (options: object, path: string): unknown =>
  path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown>)?.[key], options);

describe('when parsing wpay-sandbox flags', () => {
  it('defaults to the CLI port', () => {
    const request = parseCliArgs([]);
    assert.equal(request.help, false);
    assert.equal(request.help === false && request.options.port, 4010);
  });

  for (const spec of CLI_FLAGS) {
    it(`sets ${spec.option} from --${spec.flag}`, () => {
      const sample = SAMPLES[spec.flag];
      assert.ok(sample, `no sample value for --${spec.flag}`);
      const request = parseCliArgs([`--${spec.flag}`, sample[0]]);
      assert.ok(!request.help);
      assert.deepEqual(optionAt(request.options, spec.option), sample[1]);
    });
  }

  it('has a flag for every option but the logger (--fault, --default for the lists)', () => {
    const covered = new Set([
      ...CLI_FLAGS.map((f) => f.option.split('.')[0]),
      'faults',
      'defaults',
      'merchants',
      'fixtures',
    ]);
    const missing = SANDBOX_OPTION_NAMES.filter((name) => !covered.has(name) && name !== 'logger');
    assert.deepEqual(missing, []);
  });

  it('reads repeated --default pairs: numbers and lists as JSON, text as it is', () => {
    const request = parseCliArgs([
      '--default',
      'timeZoneOffsetMinutes=480',
      '--default',
      'webhookRetryScheduleSeconds=[1,2]',
      '--default',
      'channelId=123',
    ]);
    assert.ok(!request.help);
    assert.deepEqual(request.options.defaults, {
      timeZoneOffsetMinutes: 480,
      webhookRetryScheduleSeconds: [1, 2],
      channelId: '123',
    });
  });

  it('refuses an unknown --default key, and a bad value naming the key', () => {
    assert.throws(
      () => parseCliArgs(['--default', 'zone=1']),
      /--default zone=1: .*timeZoneOffsetMinutes/,
    );
    assert.throws(
      () => parseCliArgs(['--default', 'timeZoneOffsetMinutes=2000']),
      /--default timeZoneOffsetMinutes: /,
    );
  });

  it('reads repeated --merchant specs and a --merchants-file, the file first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wpay-sandbox-merchants-'));
    const file = join(dir, 'merchants.json');
    writeFileSync(file, JSON.stringify([{ id: 'east', merchantName: 'East, Inc.' }]));
    try {
      const request = parseCliArgs([
        '--merchant',
        'id=north,name=North Mugs,api-key=nk,sign-key=ns,webhook-url=http://127.0.0.1:3001/h',
        '--merchant',
        'id=south',
        '--merchants-file',
        file,
      ]);
      assert.ok(!request.help);
      assert.deepEqual(request.options.merchants, [
        { id: 'east', merchantName: 'East, Inc.' },
        {
          id: 'north',
          merchantName: 'North Mugs',
          credentials: { apiKey: 'nk', signKey: 'ns' },
          webhookUrl: 'http://127.0.0.1:3001/h',
        },
        { id: 'south' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad merchant, naming the flag or the file entry and the field', () => {
    assert.throws(
      () => parseCliArgs(['--merchant', 'name=x']),
      /--merchant name=x: id=… is required/,
    );
    assert.throws(
      () => parseCliArgs(['--merchant', 'id=a,colour=red']),
      /--merchant id=a,colour=red: .*webhook-url/,
    );
    assert.throws(
      () => parseCliArgs(['--merchant', 'id=a,webhook-url=nope']),
      /--merchant a webhookUrl: /,
    );
    assert.throws(
      () => parseCliArgs(['--merchant', 'id=a', '--merchant', 'id=a']),
      /--merchant a id: id "a" is used twice/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'wpay-sandbox-merchants-'));
    const file = join(dir, 'merchants.json');
    try {
      writeFileSync(file, '[{"id":"ok"},{"id":"b","webhookUrl":3}]');
      assert.throws(
        () => parseCliArgs(['--merchants-file', file]),
        /--merchants-file .* \[1\] webhookUrl: /,
      );
      writeFileSync(file, '{"id":"b"}');
      assert.throws(() => parseCliArgs(['--merchants-file', file]), /expected a JSON array/);
      assert.throws(
        () => parseCliArgs(['--merchants-file', join(dir, 'none.json')]),
        /cannot read it/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads repeated --scenario names, and refuses an unknown one naming the known', () => {
    const request = parseCliArgs(['--scenario', 'payment.paid', '--scenario', 'checkout.expired']);
    assert.ok(!request.help);
    assert.deepEqual(request.scenarios, ['payment.paid', 'checkout.expired']);
    assert.throws(
      () => parseCliArgs(['--scenario', 'refund.twice']),
      /--scenario refund\.twice: no such scenario \(known: payment\.paid, /,
    );
  });

  it('reads repeated faults', () => {
    const request = parseCliArgs([
      '--fault',
      'kind=http-5xx,path=/checkout/w-payment/hpp,times=2',
      '--fault',
      'kind=webhook-drop',
    ]);
    assert.ok(!request.help);
    assert.equal(request.options.faults?.length, 2);
    assert.equal(request.options.faults?.[0]?.times, 2);
  });

  it('refuses a number flag that is not a number', () => {
    assert.throws(() => parseCliArgs(['--time-scale', 'fast']), /--time-scale/);
  });

  it('refuses a value the options refuse, naming the flag', () => {
    assert.throws(() => parseCliArgs(['--time-scale', '0']), /--time-scale: /);
    assert.throws(() => parseCliArgs(['--public-url', 'nope']), /--public-url: /);
  });

  it('refuses a refresh response shape other than bare or envelope', () => {
    assert.throws(() => parseCliArgs(['--refresh-response-shape', 'wrapped']), /bare or envelope/);
  });

  it('refuses an unknown flag', () => {
    assert.throws(() => parseCliArgs(['--colour', 'red']));
  });

  it('refuses a bad fault rule', () => {
    assert.throws(() => parseCliArgs(['--fault', 'kind=meteor']), /kind/);
  });

  it('asks for help with --help and -h', () => {
    assert.equal(parseCliArgs(['--help']).help, true);
    assert.equal(parseCliArgs(['-h']).help, true);
  });
});

describe('when reading --help', () => {
  it('lists every flag', () => {
    for (const flag of [
      ...CLI_FLAGS.map((f) => f.flag),
      'fault',
      'default',
      'merchant',
      'merchants-file',
      'fixture',
      'scenario',
      'verbose',
      'help',
    ]) {
      assert.match(USAGE, new RegExp(`--${flag}\\b`), `--${flag}`);
    }
  });

  it('lists every protocol default with its value', () => {
    for (const key of PROTOCOL_DEFAULT_KEYS) {
      assert.match(
        USAGE,
        new RegExp(
          `^  ${key} +default ${JSON.stringify(SANDBOX_DEFAULTS[key]).replace(/[[\]]/g, '\\$&')}$`,
          'm',
        ),
        key,
      );
    }
  });

  it('lists every fault kind and every key of a fault rule', () => {
    for (const kind of FAULT_KINDS) assert.ok(USAGE.includes(kind), kind);
    for (const key of Object.keys(FaultRuleSchema.shape)) {
      assert.match(USAGE, new RegExp(`^  (\\S+, )?${key}\\b`, 'm'), key);
    }
  });
});

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--conditions=@wpay/source', '--import', 'tsx', CLI, ...args]);
}

/** Runs the CLI to its end: exit code and output. */
function finished(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = runCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('when running the CLI', () => {
  it('prints the usage for --help and exits 0; names a bad flag and exits 2', async () => {
    const [help, bad] = await Promise.all([
      finished(['--help']),
      finished(['--port', '0', '--time-scale', '0']),
    ]);
    assert.equal(help.code, 0);
    assert.equal(help.stdout.trim(), USAGE.trim());
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--time-scale: .*\n.*--help/);
  });

  it("prints the package's version for --version and exits 0, starting nothing", async () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    const run = await finished(['--version', '--port', '0']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${manifest.version}\n`);
  });

  it('prints its URL and credentials, applies its flags and faults, and stops on SIGTERM', async () => {
    const child = runCli([
      '--port',
      '0',
      '--api-key',
      'cli-key',
      '--token-ttl',
      '60',
      '--verbose',
      '--fault',
      'kind=http-5xx,path=/user/auth/oauth2/token,times=1,status=502',
      '--merchant',
      'id=north-2,api-key=north-key',
      '--scenario',
      'payment.declined',
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /WPAY_BASE_URL=(\S+)/.exec(output);
          if (match && output.includes('WPAY_NORTH_2_SIGN_KEY=')) resolve(match[1] ?? '');
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      assert.match(output, /WPAY_API_KEY=cli-key/);
      assert.match(output, /WPAY_API_SECRET=/);
      await new Promise<void>((resolve) => {
        const seen = () => /Scenario payment\.declined: trxNo TRX\d+/.test(output);
        if (seen()) return resolve();
        child.stdout.on('data', () => seen() && resolve());
      });
      const state = (await (await fetch(`${url}/__sandbox/state`)).json()) as {
        payments: Array<{ status: string }>;
      };
      assert.deepEqual(
        state.payments.map((p) => p.status),
        ['FAILED'],
        '--scenario ran once listening',
      );
      assert.match(output, /^WPAY_NORTH_2_API_KEY=north-key$/m, "the other merchant's lines");
      const northToken = await fetch(
        `${url}/user/auth/oauth2/token?grant_type=client_credentials&api_key=north-key&api_secret=wpay_test_north-2_api_secret`,
        { method: 'POST' },
      );
      assert.equal(((await northToken.json()) as { retcode: number }).retcode, 200, '--merchant');
      const token = () =>
        fetch(
          `${url}/user/auth/oauth2/token?grant_type=client_credentials&api_key=cli-key&api_secret=wpay_test_api_secret`,
          { method: 'POST' },
        );
      assert.equal((await token()).status, 502, 'the --fault fires once');
      const answer = (await (await token()).json()) as { retdata: { expires_in: number } };
      assert.equal(answer.retdata.expires_in, 60, '--token-ttl');
      assert.match(stderr, /api call .*"status":502.*"fault":"http-5xx"/, '--verbose');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
