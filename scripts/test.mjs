// `npm test`: installs what is missing, builds, lints, type-checks and runs every package's tests,
// then prints one closing line "total: N passed, N failed" that CI reads.
import { spawn } from 'node:child_process';
import { countResults } from './count-results.mjs';
import { ensurePnpm, ensureSystemPackages, installModules } from './setup.mjs';

/** Test suites in the order they run: each is `pnpm --filter <name> test`, or a command. */
const SUITES = [
  '@wpay/protocol',
  '@wpay/server-helper',
  '@wpay/sandbox',
  // The widget's tests on the files the build step just made (its `test` script builds them first).
  ['@wpay/widget', ['pnpm', ['--filter', '@wpay/widget', 'run', 'test:built']]],
  '@wpay/demo',
  // `wpay doctor` against fixture shops broken on purpose and against the demo.
  '@wpay/cli',
  // `npm create wpay`: the starter scaffolded from the packed tarballs passes `wpay doctor`.
  'create-wpay',
  // The tarballs as published: file lists, manifests, publint, are-the-types-wrong, a consumer's
  // imports (scripts/packages.test.mjs; the tarballs are packed once per build, by the first of
  // create-wpay, packages and examples, and reused by the others: scripts/pack-packages.mjs).
  ['packages', ['node', ['--test', 'scripts/packages.test.mjs']]],
  // `pnpm docs`: the site (guides, TypeDoc of the helper and the sandbox, widget elements) is
  // built and every internal link and anchor checked (scripts/docs.test.mjs).
  ['docs', ['node', ['--test', 'scripts/docs.test.mjs']]],
  // examples/*, installed from the registry and the tarballs, each paying once in Chromium, two
  // at a time (scripts/examples.test.mjs: the examples marked `ci`, today all of them).
  ['examples', ['node', ['--test', 'scripts/examples.test.mjs']]],
  // The statistics of `pnpm bench` (medians, spread, verdicts) and how it finds, picks and
  // imports its sections (fixture sections only); the bench itself is not run in CI.
  ['bench harness', ['node', ['--test', 'bench/stats.test.mjs', 'bench/sections.test.mjs']]],
  // How this script counts what each suite printed (scripts/count-results.test.mjs).
  ['test counting', ['node', ['--test', 'scripts/count-results.test.mjs']]],
];

/** Seconds since `started`, for the summary: where a slow run spent its time. */
const seconds = (started) => `${Math.round((Date.now() - started) / 1000)} s`;

function exec(cmd, args) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const tee = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk;
        sink.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main() {
  const setupStarted = Date.now();
  ensurePnpm();
  ensureSystemPackages();
  installModules();
  const timings = [`setup ${seconds(setupStarted)}`];

  const steps = [
    ['build', ['pnpm', ['-r', '--reporter-hide-prefix', 'run', 'build']]],
    ['lint', ['pnpm', ['run', 'lint']]],
    ['typecheck', ['pnpm', ['-r', '--reporter-hide-prefix', 'run', 'typecheck']]],
  ];
  for (const [name, [cmd, args]] of steps) {
    const started = Date.now();
    const { code } = await exec(cmd, args);
    timings.push(`${name} ${seconds(started)}`);
    if (code !== 0) {
      console.log(`\n${name} failed (exit ${code}).`);
      console.log('total: 0 passed, 1 failed');
      process.exit(1);
    }
  }

  let passed = 0;
  let failed = 0;
  const summary = [];
  for (const entry of SUITES) {
    const [suite, [cmd, args]] =
      typeof entry === 'string' ? [entry, ['pnpm', ['--filter', entry, 'run', 'test']]] : entry;
    console.log(`\n=== ${suite} ===`);
    const started = Date.now();
    const { code, output } = await exec(cmd, args);
    const counts = countResults(output);
    const p = counts.passed ?? 0;
    // A suite that exits non-zero without reporting a failure still counts as one failure.
    let f = counts.failed ?? 0;
    if (f === 0 && code !== 0) f = 1;
    passed += p;
    failed += f;
    const exit = code !== 0 ? `, exit ${code}` : '';
    summary.push(`${suite}: ${p} passed, ${f} failed (${seconds(started)}${exit})`);
  }
  console.log('\n=== summary ===');
  console.log(`  ${timings.join(', ')}`);
  for (const line of summary) console.log(`  ${line}`);
  console.log(`total: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

await main();
