// `npm create wpay@latest my-shop` as a shop gets it: every package packed as published, the
// starter scaffolded by the packed bin, installed from the tarballs, started, and checked by the
// packed `wpay doctor`: every check passes. Then `npm run dev`'s script: the sandbox and the shop
// together, the sandbox's webhooks pointed at the shop's webhook route.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, rm, symlink } from 'node:fs/promises';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type PackedPackage, packPublished, ROOT } from '../../../scripts/pack-packages.mjs';

const run = promisify(execFile);

let dir: string;
let packs: Map<string, PackedPackage>;
let shopDir: string;
const children: ChildProcess[] = [];

/** Third-party packages, linked from the workspace's installs (there is no registry here). */
async function linkThirdParty(names: Iterable<string>, from: string[]): Promise<void> {
  for (const name of names) {
    if (name.startsWith('@wpay/') || name === 'create-wpay') continue;
    const link = join(dir, 'node_modules', name);
    if (existsSync(link)) continue;
    const source = from.map((folder) => join(folder, 'node_modules', name)).find(existsSync);
    assert.ok(source, `${name} is installed nowhere in the workspace`);
    await mkdir(dirname(link), { recursive: true });
    await symlink(await realpath(source), link);
  }
}

/** A port that was free a moment ago: only for dev.mjs, whose ports must be known in advance. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A child that exited, or printed what says it failed, before it printed what it was waited for;
 * `output` is all it printed.
 */
class NotStarted extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

interface Started {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Its exit code, once it exited. */
  exited: Promise<number | null>;
}

/**
 * Starts `node args` in the shop's directory; resolves once its output (stdout and stderr) matches
 * every one of `ready`. Rejects with {@link NotStarted} if it exits first, or once its output
 * matches `fails` (then it is stopped: `node --watch` outlives a shop that failed to listen).
 */
async function start(
  args: string[],
  env: Record<string, string>,
  { ready, fails }: { ready: readonly RegExp[]; fails?: RegExp },
): Promise<Started> {
  const child = spawn(process.execPath, args, {
    cwd: shopDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const notStarted = (why: string) =>
      new NotStarted(
        `node ${args.join(' ')} ${why} before ${ready.join(' and ')}: ${stdout}${stderr}`,
        `${stdout}${stderr}`,
      );
    const check = () => {
      const output = `${stdout}\n${stderr}`;
      if (ready.every((line) => line.test(output))) resolve();
      else if (fails?.test(output)) void stop(child).then(() => reject(notStarted('failed')));
    };
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      check();
    });
    child.stderr?.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderr += chunk;
      check();
    });
    void exited.then((code) => reject(notStarted(`exited (${code})`)));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/**
 * A port of this test's own (listening on 0: no other process can take it) that holds every
 * connection until {@link Forwarder.forwardTo} names the port behind it, then pipes it there:
 * the shop's address, known before the shop starts on a port of its own choosing.
 */
interface Forwarder {
  url: string;
  forwardTo(port: number): void;
  close(): Promise<void>;
}

async function forwarder(): Promise<Forwarder> {
  let forwardTo: (port: number) => void = () => {};
  const target = new Promise<number>((resolve) => {
    forwardTo = resolve;
  });
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };
  const server = createServer((client) => {
    track(client);
    void target.then((port) => {
      const upstream = track(connect(port, '127.0.0.1'));
      upstream.once('error', () => client.destroy());
      client.once('error', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwardTo,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

before(async () => {
  ({ dir, packs } = await packPublished());
  const workspaceFolders = [...packs.values()].map((p) => join(ROOT, 'packages', p.folder));
  for (const pack of packs.values())
    await linkThirdParty(Object.keys(pack.manifest.dependencies ?? {}), workspaceFolders);
  const starter = packs.get('create-wpay');
  assert.ok(starter);
  await run(
    process.execPath,
    [join(starter.unpacked, starter.manifest.bin?.['create-wpay'] ?? ''), 'my-shop'],
    { cwd: dir },
  );
  shopDir = join(dir, 'my-shop');
  // The install: the shop sits in the consumer directory, whose node_modules/ holds the unpacked
  // tarballs (what `npm install` puts there) and the third-party packages.
  const manifest = JSON.parse(await readFile(join(shopDir, 'package.json'), 'utf8'));
  await linkThirdParty(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }), [
    join(ROOT, 'packages', 'create-wpay'),
  ]);
});

after(async () => {
  await Promise.all(children.map(stop));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('when npm create wpay scaffolds a shop', () => {
  it('writes the shop, its .env from the sandbox lines, and pins the kit to this version', async () => {
    const manifest = JSON.parse(await readFile(join(shopDir, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'my-shop');
    const version = packs.get('create-wpay')?.manifest.version;
    for (const name of ['@wpay/server-helper', '@wpay/widget', '@wpay/cli', '@wpay/sandbox']) {
      const wanted = manifest.dependencies[name] ?? manifest.devDependencies[name];
      assert.equal(wanted, `^${version}`, name);
      assert.equal(
        packs.get(name.slice(6))?.manifest.version,
        version,
        `${name} is packed at ${version}`,
      );
    }
    const env = await readFile(join(shopDir, '.env'), 'utf8');
    assert.match(env, /^WPAY_BASE_URL=http:\/\/127\.0\.0\.1:4010$/m);
    assert.match(env, /^WPAY_SIGN_KEY=wpay_test_sign_key$/m);
    assert.ok(existsSync(join(shopDir, '.gitignore')));
  });

  it('passes every check of the packed wpay doctor once started', async () => {
    // No port is picked in advance: the doctor's sandbox takes a free one (0) and prints the
    // shop's lines, the shop is started with them on a free one (0) too, behind an address this
    // test holds from the start (the doctor's --shop and the shop's PUBLIC_URL).
    const front = await forwarder();
    try {
      const cli = packs.get('cli');
      assert.ok(cli);
      const baseUrlLine = /^WPAY_BASE_URL=(\S+)$/m;
      const doctor = await start(
        [
          join(cli.unpacked, cli.manifest.bin?.wpay ?? ''),
          'doctor',
          '--json',
          '--credentials-from',
          '.env',
          '--shop',
          front.url,
          '--sandbox-port',
          '0',
        ],
        {},
        { ready: [baseUrlLine] },
      );
      const sandboxUrl = baseUrlLine.exec(doctor.stderr())?.[1] ?? '';
      assert.match(sandboxUrl, /^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
      const shop = await start(
        ['--env-file=.env', 'server.mjs'],
        { PORT: '0', PUBLIC_URL: front.url, WPAY_BASE_URL: sandboxUrl },
        { ready: [/Shop: http:\/\/\S+:\d+\//] },
      );
      front.forwardTo(Number(/Shop: http:\/\/\S+:(\d+)\//.exec(shop.stdout())?.[1]));
      await doctor.exited;
      await stop(shop.child);
      const report = JSON.parse(doctor.stdout()) as {
        ok: boolean;
        results: { name: string; status: string }[];
      };
      assert.deepEqual(
        report.results.filter((result) => result.status !== 'pass'),
        [],
      );
      assert.equal(report.results.length, 19);
      assert.equal(report.ok, true);
    } finally {
      await front.close();
    }
  });

  it("runs the sandbox and the shop with npm run dev's script, the webhooks sent to the shop", async () => {
    // dev.mjs starts both at once on the fixed ports of .env (the sandbox is told the shop's
    // webhook URL, the shop WPay's URL), so neither may be 0: ports found free are used, and new
    // ones if another process took one in between (the run stopped at EADDRINUSE).
    let started: { port: number; sandboxPort: number; dev: Started } | undefined;
    for (let attempt = 1; started === undefined; attempt++) {
      const port = await freePort();
      let sandboxPort = await freePort();
      while (sandboxPort === port) sandboxPort = await freePort();
      try {
        const dev = await start(
          ['dev.mjs'],
          { PORT: String(port), WPAY_BASE_URL: `http://127.0.0.1:${sandboxPort}` },
          { ready: [/Shop: /, /WPay sandbox listening on /], fails: /EADDRINUSE/ },
        );
        started = { port, sandboxPort, dev };
      } catch (error) {
        const taken = error instanceof NotStarted && /EADDRINUSE/.test(error.output);
        if (!taken || attempt === 5) throw error;
      }
    }
    const { port, sandboxPort, dev } = started;
    try {
      const answer = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/webhook-url`);
      assert.deepEqual(await answer.json(), { url: `http://127.0.0.1:${port}/api/webhooks/wpay` });
      assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200);
    } finally {
      await stop(dev.child);
    }
  });
});
