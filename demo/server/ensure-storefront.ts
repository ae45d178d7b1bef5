import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP } from '../build/storefront-plugin.js';
import { DIST_DIR, storefrontViteConfig } from '../build/vite-config.js';
import type { DemoLogger } from './logger.js';

const DEMO_DIR = fileURLToPath(new URL('../', import.meta.url));
const STAMP = join(DIST_DIR, BUILD_STAMP);
/** What the storefront build reads: when any of it is newer than the last build, build again. */
const STOREFRONT_INPUTS = ['storefront', 'build', 'server/catalogue.ts', 'server/money.ts'];
const WIDGET_OUTPUTS = ['dist/index.js', 'dist/wpay-widget.iife.js'];

/** Options of {@link ensureStorefront}. */
export interface EnsureStorefrontOptions {
  readonly logger: DemoLogger;
  /** Build even when everything looks up to date. */
  readonly force?: boolean;
}

/**
 * Makes sure `demo/dist` holds an up-to-date storefront, so `start` works from a clean clone with
 * no manual build step: builds `@wpay/widget` when its `dist` is missing or older than its
 * sources (the storefront imports the ESM build and hosts the script-tag build), then runs
 * `vite build` when the storefront's inputs changed since the last build. Fast when nothing did.
 *
 * @example
 * ```ts
 * await ensureStorefront({ logger: console });
 * ```
 */
export async function ensureStorefront({ logger, force = false }: EnsureStorefrontOptions) {
  const widgetDir = dirname(createRequire(import.meta.url).resolve('@wpay/widget/package.json'));
  const widgetOutputs = WIDGET_OUTPUTS.map((file) => join(widgetDir, file));
  if (force || isStale(widgetOutputs, [join(widgetDir, 'src')]))
    await buildWidget(widgetDir, logger);

  const inputs = [...STOREFRONT_INPUTS.map((path) => join(DEMO_DIR, path)), ...widgetOutputs];
  if (!force && !isStale([STAMP], inputs)) return;
  logger.info('Building the storefront (vite build)…');
  const { build } = await import('vite'); // loaded only when a build is needed: it is slow to load
  await build(storefrontViteConfig({ logLevel: 'warn' }));
}

async function buildWidget(widgetDir: string, logger: DemoLogger): Promise<void> {
  logger.info('Building @wpay/widget (its dist is missing or older than its sources)…');
  let result = await run('pnpm', ['run', 'build'], widgetDir);
  if (result.code === 0 && !existsSync(join(widgetDir, 'dist/wpay-widget.iife.js'))) {
    // The widget's `build` script may not make the script-tag file; its Vite config does.
    result = await run('pnpm', ['exec', 'vite', 'build', '--mode', 'iife'], widgetDir);
  }
  if (result.code === 0) return;
  const output = result.output.trim().split('\n').slice(-15).join('\n');
  const built = WIDGET_OUTPUTS.every((file) => existsSync(join(widgetDir, file)));
  if (!built)
    throw new Error(`Could not build @wpay/widget (pnpm run build in ${widgetDir}).\n${output}`);
  logger.warn('Could not rebuild @wpay/widget; using its previous build.', { output });
}

/** Builds still running: stopped if this process exits first (Ctrl-C during start-up). */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill();
});

function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('error', (error) => {
      running.delete(child);
      resolve({ code: 1, output: `${output}${error.message}` });
    });
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Whether any output is missing, or older than the newest file among the inputs. */
function isStale(outputs: readonly string[], inputs: readonly string[]): boolean {
  let oldestOutput = Number.POSITIVE_INFINITY;
  for (const output of outputs) {
    if (!existsSync(output)) return true;
    oldestOutput = Math.min(oldestOutput, statSync(output).mtimeMs);
  }
  return inputs.some((input) => newestMtime(input) > oldestOutput);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}
