// Helpers for bench sections (see bench/README.md, "Adding a section"): start a server in its own
// process, drive HTTP load from the measuring process, time a loop with its CPU cost.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';

/**
 * Node flags every bench process gets: workspace sources through tsx (resolved here, so that a
 * process started in another directory finds it too).
 */
export const NODE_FLAGS = ['--conditions=@wpay/source', '--import', import.meta.resolve('tsx')];

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts `file` (a .ts or .mjs path, or a file: URL) in its own Node process. The server must print
 * one line `listening <url>` on stdout once it accepts connections (see {@link benchServer}).
 * `nodeArgs` are extra Node flags (e.g. `['--expose-gc']` for {@link serverHeap}).
 * Returns its URL, pid and `stop()`.
 */
export async function spawnServer(file, { env = {}, args = [], nodeArgs = [] } = {}) {
  const path = file instanceof URL || String(file).startsWith('file:') ? fileURLToPath(file) : file;
  const child = spawn(process.execPath, [...nodeArgs, ...NODE_FLAGS, path, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      buffered += chunk;
      const match = /^listening (\S+)$/m.exec(buffered);
      if (match) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${path} exited with ${code} before listening`)));
  });
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/**
 * Listens on a random port and prints `listening <url>` for {@link spawnServer}. Adds two routes:
 * `GET /__bench/cpu`, answering this process's `process.cpuUsage()` and heap, so the load
 * generator can read the server's CPU time before and after a run; and `GET /__bench/gc`,
 * answering the memory after full garbage collections (the process needs `--expose-gc`).
 */
export async function benchServer(handler) {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    if (req.url === '/__bench/gc') {
      heapAfterGc().then(
        (memory) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(memory));
        },
        (error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
      return;
    }
    if (req.url === '/__bench/cpu') {
      const cpu = process.cpuUsage();
      const memory = process.memoryUsage();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ cpuMicros: cpu.user + cpu.system, ...memory }));
      return;
    }
    handler(req, res);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  console.log(`listening http://127.0.0.1:${port}`);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  return server;
}

/**
 * This process's memory after full garbage collections: collects until the heap stops shrinking
 * (at most 10 times), letting pending timers and promises settle in between.
 */
async function heapAfterGc() {
  const { gc } = globalThis;
  if (typeof gc !== 'function') throw new Error('/__bench/gc needs node --expose-gc');
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const { heapUsed } = process.memoryUsage();
    if (heapUsed >= last * 0.999) break;
    last = heapUsed;
  }
  return process.memoryUsage();
}

/** A bench server's memory after full GCs (`/__bench/gc`; spawn it with `--expose-gc`). */
export async function serverHeap(url) {
  const response = await fetch(`${url}/__bench/gc`);
  if (!response.ok) throw new Error(`${url}/__bench/gc: ${await response.text()}`);
  return response.json();
}

/** The server's CPU time (µs) and memory, read through its `/__bench/cpu` route. */
export async function serverStats(url) {
  const response = await fetch(`${url}/__bench/cpu`);
  return response.json();
}

/**
 * HTTP load from this process with `concurrency` requests in flight on keep-alive sockets, for
 * `durationMs` (after `warmupMs`), or for exactly `requests` requests when that is given.
 * `makeRequest(i)` returns `{ method, path, headers, body }`.
 * Resolves to `{ requests, seconds, rps, errors }`; a non-2xx answer counts as an error.
 */
export async function loadTest(
  url,
  {
    concurrency,
    durationMs = Number.POSITIVE_INFINITY,
    warmupMs = 0,
    requests: count,
    makeRequest,
  },
) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const { hostname, port } = new URL(url);
  let sequence = 0;
  const send = () =>
    new Promise((resolve) => {
      const { method = 'POST', path, headers = {}, body } = makeRequest(sequence++);
      const req = httpRequest(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: { ...headers, host: `${hostname}:${port}` },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode >= 200 && res.statusCode < 300));
        },
      );
      req.on('error', () => resolve(false));
      req.end(body);
    });
  const phase = async (ms, limit = Number.POSITIVE_INFINITY) => {
    let requests = 0;
    let started = 0;
    let errors = 0;
    const stopAt = performance.now() + ms;
    const worker = async () => {
      while (started < limit && performance.now() < stopAt) {
        started++;
        const ok = await send();
        requests++;
        if (!ok) errors++;
      }
    };
    const begun = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - begun) / 1000;
    return { requests, errors, seconds, rps: requests / seconds };
  };
  if (warmupMs > 0) await phase(warmupMs);
  const result = await phase(durationMs, count);
  agent.destroy();
  return result;
}

/**
 * Calls `fn(i)` (sync or async) in a loop until this process has spent `durationMs` of CPU time,
 * after a warm-up of at least `warmup` calls and `warmupMs` of CPU time (the JIT's background
 * compiles count as this process's CPU; on a loaded machine wall time says little about them).
 * Returns `{ ops, opsPerSecond, cpuMicrosPerOp, wallMicrosPerOp }` of this process.
 */
export async function timeLoop(
  fn,
  { durationMs = 1000, warmup = 200, warmupMs = 500, batch = 50 } = {},
) {
  const cpuNow = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const warmUntil = cpuNow() + warmupMs;
  for (let i = 0; i < warmup || cpuNow() < warmUntil; i++) await fn(i);
  let ops = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const stopAt = cpuNow() + durationMs;
  while (cpuNow() < stopAt) {
    for (let j = 0; j < batch; j++) await fn(ops++);
  }
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return {
    ops,
    opsPerSecond: ops / (wall / 1000),
    cpuMicrosPerOp: (cpu.user + cpu.system) / ops,
    wallMicrosPerOp: (wall * 1000) / ops,
  };
}
