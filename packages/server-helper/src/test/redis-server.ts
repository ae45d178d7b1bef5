/**
 * Test helper: a throw-away `redis-server` on a random free port of 127.0.0.1, no persistence.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { createClient } from 'redis';

export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function waitReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      10_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
}

/** Starts `redis-server --port <free> --bind 127.0.0.1 --save '' --appendonly no`. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitReady(child);
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A test Redis with one connected client of each supported library. */
export interface TestRedisClients {
  server: TestRedis;
  nodeRedis: ReturnType<typeof createClient>;
  ioredis: Redis;
  /** Quits both clients and stops the server. */
  stop(): Promise<void>;
}

/** Starts a test Redis and connects a node-redis and an ioredis client to it. */
export async function startRedisWithClients(): Promise<TestRedisClients> {
  const server = await startRedis();
  const nodeRedis: ReturnType<typeof createClient> = createClient({ url: server.url });
  await nodeRedis.connect();
  const ioredis = new Redis(server.url, { lazyConnect: true });
  await ioredis.connect();
  return {
    server,
    nodeRedis,
    ioredis,
    async stop() {
      await nodeRedis.quit();
      await ioredis.quit();
      await server.stop();
    },
  };
}
