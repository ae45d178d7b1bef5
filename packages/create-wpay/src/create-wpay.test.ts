// `npm create wpay@latest my-shop` as a shop gets it: every package packed as published, the
// starter scaffolded by the packed bin, installed from the tarballs, started, and checked by the
// packed `wpay doctor`: every check passes. Then `npm run dev`'s script: the sandbox and the shop
// together, the sandbox's webhooks pointed at the shop's webhook route.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
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

/** A port that was free a moment ago (the shop and the doctor's sandbox must know it in advance). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node args` in the shop's directory; resolves once a stdout line matches `ready`. */
async function start(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: shopDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (ready.test(output)) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`node ${args.join(' ')} exited (${code}) before ${ready}: ${output}`)),
    );
  });
  return child;
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
    const [port, sandboxPort] = [await freePort(), await freePort()];
    const shopUrl = `http://127.0.0.1:${port}`;
    const shop = await start(
      ['--env-file=.env', 'server.mjs'],
      { PORT: String(port), PUBLIC_URL: shopUrl, WPAY_BASE_URL: `http://127.0.0.1:${sandboxPort}` },
      /Shop: /,
    );
    const cli = packs.get('cli');
    assert.ok(cli);
    const args = [
      'doctor',
      '--json',
      '--credentials-from',
      '.env',
      '--shop',
      shopUrl,
      '--sandbox-port',
      String(sandboxPort),
    ];
    const { stdout } = await run(
      process.execPath,
      [join(cli.unpacked, cli.manifest.bin?.wpay ?? ''), ...args],
      { cwd: shopDir },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    await stop(shop);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      results: { name: string; status: string }[];
    };
    assert.deepEqual(
      report.results.filter((result) => result.status !== 'pass'),
      [],
    );
    assert.equal(report.results.length, 19);
    assert.equal(report.ok, true);
  });

  it("runs the sandbox and the shop with npm run dev's script, the webhooks sent to the shop", async () => {
    const [port, sandboxPort] = [await freePort(), await freePort()];
    const dev = await start(
      ['dev.mjs'],
      { PORT: String(port), WPAY_BASE_URL: `http://127.0.0.1:${sandboxPort}` },
      /Shop: /,
    );
    try {
      let answer: Response | undefined;
      for (let attempt = 0; answer === undefined && attempt < 600; attempt++) {
        answer = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/webhook-url`).catch(
          () => undefined,
        );
        if (answer === undefined) await sleep(100);
      }
      assert.ok(answer, 'the sandbox answered');
      assert.deepEqual(await answer.json(), { url: `http://127.0.0.1:${port}/api/webhooks/wpay` });
      assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200);
    } finally {
      await stop(dev);
    }
  });
});
