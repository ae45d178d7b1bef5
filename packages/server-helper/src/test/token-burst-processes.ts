/**
 * Test helper: several merchant processes (`token-burst-child.ts`, node with tsx) sharing one
 * redis-server and one sandbox make bursts of concurrent calls while WPay's token is revoked and
 * expires; returns what happened.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '@wpay/sandbox';
import { startRedis } from './redis-server.js';
import { type BurstResult, expireNow, revokeSoon, tokenFigures } from './token-burst.js';

/** Options of {@link runProcessBurst}. */
export interface ProcessBurstOptions {
  processes: number;
  callsPerProcess: number;
  concurrencyPerProcess: number;
  revocations: number;
  expiries: number;
}

/** What a multi-process burst did. */
export interface ProcessBurstFigures {
  processes: number;
  calls: number;
  failures: number;
  errors: string[];
  tokensIssued: number;
  revocations: number;
  expiries: number;
  durationMs: number;
}

const CHILD = fileURLToPath(new URL('./token-burst-child.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN_TTL_SECONDS = 3600;

interface Child {
  process: ChildProcess;
  ready: Promise<void>;
  result: Promise<BurstResult>;
}

function startChild(env: Record<string, string>, onProgress: () => void): Child {
  const child = spawn(process.execPath, ['--conditions=@wpay/source', '--import', 'tsx', CHILD], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const result = new Promise<BurstResult>((resolve, reject) => {
    // 'close', not 'exit': a child exits right after printing its result, and under load 'exit'
    // can arrive before the pipe's last line is read.
    child.once('close', (code) => reject(new Error(`burst child exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line === 'ready') markReady();
      else if (line === 'progress') onProgress();
      else if (line.startsWith('result ')) resolve(JSON.parse(line.slice(7)) as BurstResult);
    });
  });
  result.catch(() => {});
  return { process: child, ready, result };
}

/**
 * Runs the burst: revocations and expiries are spread evenly over the calls (alternating,
 * revocations first), each fired once that many calls of all processes have finished and WPay has
 * issued the token the previous one called for, leaving twice the calls in flight still to send
 * after the last mark.
 */
export async function runProcessBurst(options: ProcessBurstOptions): Promise<ProcessBurstFigures> {
  const { processes, callsPerProcess, concurrencyPerProcess, revocations, expiries } = options;
  const redis = await startRedis();
  const sandbox = await startSandbox({
    port: 0,
    tokenTtlSeconds: TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: TOKEN_TTL_SECONDS * 2,
  });
  const total = processes * callsPerProcess;
  const events = revocations + expiries;
  const plan: Array<'revoke' | 'expire'> = [];
  for (let i = 0, r = revocations, e = expiries; i < events; i++) {
    if (r > 0 && (i % 2 === 0 || e === 0)) {
      plan.push('revoke');
      r--;
    } else {
      plan.push('expire');
      e--;
    }
  }
  // Marks are spread over the calls that finish before the last `inFlight` could have been sent,
  // so every injection still meets calls sent after it (a mark among the final in-flight calls can
  // come after the last request reached WPay, and then injects nothing).
  const inFlight = processes * concurrencyPerProcess;
  const span = total - 2 * inFlight;
  if (span <= events) throw new Error('runProcessBurst: too few calls for the injections asked');
  const marks = plan.map((_, i) => Math.floor(((i + 1) * span) / (events + 1)));
  let finished = 0;
  let expired = 0;
  let fired = 0;
  const injections: Promise<void>[] = [];
  const onProgress = () => {
    finished++;
    const mark = marks[fired];
    if (mark === undefined || finished < mark) return;
    // Each injection also waits for the token the previous one made WPay issue. Progress lines
    // lag behind the calls (they cross a pipe), so a mark can be reached while that token is
    // still being fetched; an expiry then would be absorbed by it (one new token for two events).
    // Calls after an injection wait for its token, so waiting costs at most the calls in flight.
    if (tokenFigures(sandbox).tokensIssued < 1 + fired) return;
    const at = fired++;
    if (plan[at] === 'revoke') revokeSoon(sandbox);
    else {
      expired++;
      injections.push(expireNow(sandbox, TOKEN_TTL_SECONDS));
    }
  };
  const children: Child[] = [];
  try {
    for (let i = 0; i < processes; i++) {
      children.push(
        startChild(
          {
            WPAY_BASE_URL: sandbox.url,
            WPAY_CREDENTIALS: JSON.stringify(sandbox.credentials),
            REDIS_URL: redis.url,
            REDIS_CLIENT: i % 2 === 0 ? 'node-redis' : 'ioredis',
            CALLS: String(callsPerProcess),
            CONCURRENCY: String(concurrencyPerProcess),
            ORDER_PREFIX: `p${i}`,
          },
          onProgress,
        ),
      );
    }
    await Promise.all(children.map((child) => child.ready));
    const started = Date.now();
    for (const child of children) child.process.stdin?.write('go\n');
    const results = await Promise.all(children.map((child) => child.result));
    await Promise.all(injections);
    const durationMs = Date.now() - started;
    const figures = tokenFigures(sandbox);
    return {
      processes,
      calls: results.reduce((sum, r) => sum + r.calls, 0),
      failures: results.reduce((sum, r) => sum + r.failures, 0),
      errors: results.flatMap((r) => r.errors).slice(0, 5),
      tokensIssued: figures.tokensIssued,
      revocations: figures.revocations,
      expiries: expired,
      durationMs,
    };
  } finally {
    for (const child of children) if (child.process.exitCode === null) child.process.kill();
    await sandbox.close();
    await redis.stop();
  }
}
