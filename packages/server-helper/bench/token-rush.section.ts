// Section: token rush. 500 calls start at once on cold clients (no token anywhere yet), from 1
// and from 4 merchant instances (processes of their own) sharing one real redis-server as token
// store, against the floor server. Figures: token requests WPay received (the goal is one, however
// many instances) and the time from "go" to the last answer.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Section } from '../../../bench/harness.mjs';
import { NODE_FLAGS, spawnServer } from '../../../bench/harness.mjs';
import { startRedis } from '../src/test/redis-server.js';

const CALLS = 500;
const VARIANTS = { one: '1 instance', four: '4 instances' } as const;
const INSTANCES: Record<string, number> = { [VARIANTS.one]: 1, [VARIANTS.four]: 4 };
const INSTANCE = fileURLToPath(new URL('./servers/token-rush-instance.ts', import.meta.url));

interface Context {
  floorUrl: string;
  redisUrl: string;
}

interface Instance {
  ready: Promise<void>;
  result: Promise<{ calls: number; failures: number; error?: string }>;
  go(): void;
  kill(): void;
}

function startInstance(env: Record<string, string>): Instance {
  const child = spawn(process.execPath, [...NODE_FLAGS, INSTANCE], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const result = new Promise<{ calls: number; failures: number; error?: string }>(
    (resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`token-rush instance exited with ${code}`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line === 'ready') markReady();
        else if (line.startsWith('result ')) resolve(JSON.parse(line.slice(7)));
      });
    },
  );
  result.catch(() => {});
  return {
    ready: Promise.race([ready, result.then(() => {})]),
    result,
    go: () => child.stdin.write('go\n'),
    kill: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}

async function tokenCalls(floorUrl: string): Promise<number> {
  const answer = await fetch(`${floorUrl}/__bench/token-calls`);
  return ((await answer.json()) as { tokenCalls: number }).tokenCalls;
}

const section: Section<Context> = {
  id: 'token-rush',
  title: 'Token rush: 500 cold calls, 1 and 4 instances sharing Redis',
  description:
    'All calls start at once on cold clients (fresh processes, a new API key per run); token requests counted by the floor server, time from "go" to the last answer.',
  variants: [VARIANTS.one, VARIANTS.four],
  figures: {
    'token requests': {
      unit: '',
      better: 'lower',
      target: { [VARIANTS.one]: { value: ['<=', 1] }, [VARIANTS.four]: { value: ['<=', 1] } },
    },
    'ms to last answer': { unit: 'ms', better: 'lower' },
  },
  async setup() {
    const redis = await startRedis();
    const floor = await spawnServer(new URL('./servers/floor-wpay.ts', import.meta.url));
    return {
      context: { floorUrl: floor.url, redisUrl: redis.url },
      teardown: async () => {
        await floor.stop();
        await redis.stop();
      },
    };
  },
  async measure(variant, { run, context }) {
    const count = INSTANCES[variant] ?? 1;
    const apiKey = `rush-${process.pid}-${run}`;
    const instances = Array.from({ length: count }, (_, i) =>
      startInstance({
        FLOOR_URL: context.floorUrl,
        REDIS_URL: context.redisUrl,
        API_KEY: apiKey,
        CALLS: String(Math.floor(CALLS / count) + (i < CALLS % count ? 1 : 0)),
      }),
    );
    try {
      await Promise.all(instances.map((instance) => instance.ready));
      const before = await tokenCalls(context.floorUrl);
      const started = performance.now();
      for (const instance of instances) instance.go();
      const results = await Promise.all(instances.map((instance) => instance.result));
      const elapsed = performance.now() - started;
      const failures = results.reduce((sum, r) => sum + r.failures, 0);
      if (failures > 0) {
        throw new Error(
          `${variant}: ${failures} calls failed, e.g. ${results.find((r) => r.error)?.error}`,
        );
      }
      return {
        'token requests': (await tokenCalls(context.floorUrl)) - before,
        'ms to last answer': elapsed,
      };
    } finally {
      for (const instance of instances) instance.kill();
    }
  },
};
export default section;
