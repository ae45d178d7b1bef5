// Starts one installed example as its README says (`npm start`'s command, with PORT, SHOP_URL and
// the WPAY_* variables set), waits until it answers HTTP, and keeps its output for the test to
// read (the webhook handler of each example prints `paid: <mchOrderNo> <trxNo>`).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withoutNpmConfig } from './examples-workspace.mjs';

/** Ports already handed to an app of this run: examples start side by side. */
const handedOut = new Set();

/** A free TCP port on this machine (the app binds it a moment later; see `startApp`'s retry). */
async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
    // The system may hand a port out again once it is closed: never to two apps of this run.
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/**
 * Runs `script` in `cwd` through `sh -c` (as `npm run` does, with the example's
 * node_modules/.bin first on PATH) in its own process group.
 */
function launch({ cwd, script, env, port, log }) {
  const shopUrl = `http://localhost:${port}`;
  const child = spawn('sh', ['-c', script], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...withoutNpmConfig(process.env),
      ...env,
      PORT: String(port),
      SHOP_URL: shopUrl,
      PATH: `${join(cwd, 'node_modules', '.bin')}${delimiter}${process.env.PATH}`,
    },
  });
  const app = {
    cwd,
    url: shopUrl,
    port,
    output: '',
    waiters: new Set(),
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal))),
    running: true,
    child,
  };
  app.exited.then(() => {
    app.running = false;
    for (const wake of app.waiters) wake();
  });
  const collect = (chunk) => {
    app.output += chunk;
    log?.(String(chunk));
    for (const wake of app.waiters) wake();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return app;
}

/** Resolves once `app` answers any HTTP request at `/`, or with `false` once it exited. */
async function answers(app) {
  while (app.running) {
    const ok = await fetch(`${app.url}/`, { redirect: 'manual' }).then(
      () => true,
      () => false,
    );
    if (ok) return true;
    await Promise.race([sleep(100), app.exited]);
  }
  return false;
}

/**
 * Starts an example and resolves once it answers HTTP, with `{ url, port, output, waitForOutput,
 * close }`. A port taken between choosing and binding it (another process on this shared machine)
 * makes the app exit with EADDRINUSE: it is started again on another port.
 * @param {{ cwd: string, script: string, env: Record<string, string>, log?: (text: string) => void }} options
 */
export async function startApp(options) {
  for (let attempt = 1; ; attempt += 1) {
    const app = launch({ ...options, port: await freePort() });
    if (await answers(app)) return handle(app);
    if (attempt < 3 && /EADDRINUSE/.test(app.output)) continue;
    throw new Error(`the example exited before it answered HTTP:\n${app.output}`);
  }
}

/**
 * Runs a script of an example to its end (a build); rejects with its output if it fails.
 * @param {{ cwd: string, script: string, env?: Record<string, string> }} options
 */
export async function runScript({ cwd, script, env = {} }) {
  const app = launch({ cwd, script, env, port: 0 });
  const code = await app.exited;
  if (code !== 0) throw new Error(`\`${script}\` failed (${code}):\n${app.output}`);
}

function handle(app) {
  return {
    url: app.url,
    port: app.port,
    cwd: app.cwd,
    get output() {
      return app.output;
    },
    /** Resolves with the first match of `pattern` in the app's output; rejects if it exits. */
    waitForOutput(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(app.output);
          if (match) {
            app.waiters.delete(check);
            resolve(match);
          } else if (!app.running) {
            app.waiters.delete(check);
            reject(new Error(`the example exited without printing ${pattern}:\n${app.output}`));
          }
        };
        app.waiters.add(check);
        check();
      });
    },
    /** Stops the app's whole process group (SIGTERM, then SIGKILL if it lingers). */
    async close() {
      if (!app.running) return;
      const group = -app.child.pid;
      process.kill(group, 'SIGTERM');
      const linger = new AbortController();
      const stopped = await Promise.race([
        app.exited.then(() => true),
        sleep(10_000, false, { signal: linger.signal }).catch(() => true),
      ]);
      linger.abort();
      if (!stopped) process.kill(group, 'SIGKILL');
      await app.exited;
    },
  };
}
