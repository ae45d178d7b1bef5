// Installs what the workspace needs and is missing: pnpm, Debian's chromium and redis-server
// (when running as root), then the node modules. Used by `npm test` and `npm run demo`.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PNPM_VERSION = '10.34.9';
export const CHROMIUM = process.env.WPAY_CHROMIUM ?? '/usr/bin/chromium';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function run(cmd, opts = {}) {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit', ...opts });
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Debian packages the tests need. `need` lists what to check; only missing ones are installed. */
export function ensureSystemPackages({ chromium = true, redis = true } = {}) {
  const missing = [];
  if (chromium && !existsSync(CHROMIUM)) missing.push('chromium');
  if (redis && !has('redis-server')) missing.push('redis-server');
  if (missing.length === 0) return;
  if (!isRoot() || !has('apt-get')) {
    throw new Error(
      `Missing ${missing.join(' and ')}. Install with: sudo apt-get install -y ${missing.join(' ')}` +
        ' (or set WPAY_CHROMIUM to a Chromium binary).',
    );
  }
  run('apt-get update -qq');
  run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`);
}

export function ensurePnpm() {
  const out = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (out.status === 0 && out.stdout.trim() === PNPM_VERSION) return;
  run(`npm install -g pnpm@${PNPM_VERSION}`);
}

export function installModules() {
  process.env.PUPPETEER_SKIP_DOWNLOAD = '1';
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  run('pnpm install --frozen-lockfile --reporter=append-only');
}
