// `pnpm bench [--quick] [--runs N] [--only id,id]`: runs every bench section (bench/README.md),
// each measurement in its own process, variants interleaved (A B A B …), and writes
// bench/results.json and the table in bench/README.md. Exit code 1 when a size budget fails, a
// section cannot be imported or a measurement crashes (the other sections still run); timings
// only report. `--only` imports only the sections it names (bench/sections.mjs reads each id from
// its file); `--root DIR` benches another checkout (the harness's own tests give it fixtures).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NODE_FLAGS } from './harness.mjs';
import { renderTable } from './report.mjs';
import { discoverSections, importSection, selectSections } from './sections.mjs';
import { compare, meets, summarize } from './stats.mjs';

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));
const RESULT_PREFIX = '@@bench-result ';
const FULL_RUNS = 5;
const QUICK_RUNS = 3;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    root: { type: 'string' },
  },
});
const ROOT = args.root ? resolve(args.root) : fileURLToPath(new URL('..', import.meta.url));

function measureInChild(file, variant, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...NODE_FLAGS, CHILD, file, variant, JSON.stringify(options)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => {
      const line = output.split('\n').find((text) => text.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(new Error(`${relative(ROOT, file)} [${variant}] exited with ${code}\n${output}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)));
    });
  });
}

async function runSection(file, section, quick) {
  const variants = section.variants ?? ['default'];
  const runs = section.once
    ? 1
    : Number(args.runs ?? section.runs ?? (quick ? QUICK_RUNS : FULL_RUNS));
  console.log(`\n## ${section.title} (${variants.join(' / ')}, ${runs} run${runs > 1 ? 's' : ''})`);
  const prepared = (await section.setup?.({ quick })) ?? {};
  const samples = new Map(variants.map((variant) => [variant, []]));
  try {
    for (let run = 0; run < runs; run++) {
      for (const variant of variants) {
        const figures = await measureInChild(file, variant, {
          quick,
          run,
          context: prepared.context ?? null,
        });
        samples.get(variant).push(figures);
        const shown = Object.entries(figures)
          .map(([name, value]) => `${name} ${format(value)}`)
          .join(', ');
        console.log(`  run ${run + 1} ${variant}: ${shown}`);
      }
    }
  } finally {
    await prepared.teardown?.();
  }
  return { section, variants, runs, samples, file };
}

function format(value) {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(abs >= 1 ? 2 : 3);
}

function figuresOf({ section, variants, samples }) {
  const baseline = variants.length > 1 ? variants[0] : null;
  const names = [...new Set([...samples.values()].flatMap((runs) => runs.flatMap(Object.keys)))];
  const figures = [];
  const failures = [];
  for (const name of names) {
    const meta = section.figures?.[name] ?? {};
    const better = meta.better ?? 'higher';
    const stats = new Map(
      variants.map((variant) => [
        variant,
        summarize(
          samples
            .get(variant)
            .map((figures) => figures[name])
            .filter((value) => typeof value === 'number'),
        ),
      ]),
    );
    for (const variant of variants) {
      const own = stats.get(variant);
      if (own.runs.length === 0) continue;
      const figure = { section: section.id, name, unit: meta.unit ?? '', better, variant, ...own };
      const base = baseline && variant !== baseline ? stats.get(baseline) : null;
      if (base && base.runs.length > 0) {
        figure.baseline = { variant: baseline, median: base.median, spread: base.spread };
        Object.assign(figure, compare(own, base, better));
      }
      const target = meta.target?.[variant] ?? (variant !== baseline ? meta.target : undefined);
      if (target && !Array.isArray(target) && typeof target === 'object') {
        const [kind, rule] = Object.entries(target).find(([key]) =>
          ['ratio', 'delta', 'value'].includes(key),
        ) ?? [undefined, undefined];
        if (kind) {
          const value = kind === 'value' ? own.median : figure[kind];
          figure.target = { on: kind, rule, met: meets(value, rule) };
        }
      }
      if (meta.budget) {
        const ok = meets(own.median, meta.budget);
        figure.budget = { rule: meta.budget, ok };
        if (!ok)
          failures.push(
            `${section.title}: ${name} [${variant}] ${format(own.median)} ${meta.unit ?? ''} breaks its budget ${meta.budget.join(' ')}`,
          );
      }
      figures.push(figure);
    }
  }
  return { figures, failures };
}

const quick = args.quick;
const only = args.only ? new Set(args.only.split(',')) : null;
const loadBefore = loadavg();
const started = new Date();
const sections = [];
const failures = [];
let chosen;
try {
  const found = discoverSections(ROOT);
  // A full run reports these as failures; --only cannot know whether it meant one of them.
  if (only) for (const { error } of found.filter((entry) => entry.error)) console.warn(error);
  chosen = selectSections(found, only);
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
for (const entry of chosen) {
  const { file } = entry;
  let section;
  try {
    if (entry.error) throw new Error(entry.error);
    section = await importSection(entry, ROOT);
    const result = await runSection(file, section, quick);
    const { figures, failures: broken } = figuresOf(result);
    failures.push(...broken);
    sections.push({
      id: section.id,
      title: section.title,
      file: relative(ROOT, file),
      description: section.description ?? '',
      baseline: result.variants.length > 1 ? result.variants[0] : null,
      variants: result.variants,
      runs: result.runs,
      figures,
    });
  } catch (error) {
    const name = section?.title ?? entry.id ?? relative(ROOT, file);
    if (!section) console.log(`\n## ${name}: not run`);
    failures.push(`${name}: ${error.message}`);
    console.error(section ? error : error.message);
  }
  // A full run writes what it has after every section: a run cut short keeps its figures.
  if (!only) write({ complete: false });
}

// Packages whose bench has not moved into a section yet: run their own script, pass or fail.
function legacyBenches() {
  const found = [];
  for (const pkg of readdirSync(join(ROOT, 'packages')).sort()) {
    const dir = join(ROOT, 'packages', pkg);
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, scripts = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
    const benchDir = join(dir, 'bench');
    const hasSection =
      existsSync(benchDir) &&
      readdirSync(benchDir).some((file) => /\.section\.(mjs|ts)$/.test(file));
    if (scripts.bench && !hasSection) found.push(name);
  }
  return found;
}
if (!only) {
  for (const name of legacyBenches()) {
    console.log(`\n## ${name}: its own bench script (not a section yet)`);
    const code = await new Promise((resolve) => {
      const child = spawn('pnpm', ['--filter', name, 'run', 'bench'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      child.on('close', resolve);
    });
    if (code !== 0)
      failures.push(`${name}: \`pnpm --filter ${name} run bench\` exited with ${code}`);
  }
}

function resultsOf({ complete }) {
  const cpuList = cpus();
  return {
    date: started.toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    quick,
    complete,
    machine: {
      cpus: cpuList.length,
      model: cpuList[0]?.model ?? 'unknown',
      memoryBytes: totalmem(),
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg(),
      platform: `${process.platform}-${process.arch}`,
    },
    node: process.version,
    sections,
    failures,
  };
}

/** Writes bench/results.json and the README table (a full run only; `complete` once it ended). */
function write({ complete }) {
  if (args['no-write'] || only) return;
  const results = resultsOf({ complete });
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const readmePath = join(ROOT, 'bench/README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const table = renderTable(results);
  writeFileSync(
    readmePath,
    readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`),
  );
}

const results = resultsOf({ complete: true });
if (!args['no-write'] && !only) {
  write({ complete: true });
  console.log('\nwrote bench/results.json and the table in bench/README.md');
} else if (only && !args['no-write']) {
  writeFileSync(join(ROOT, 'bench/results.partial.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${renderTable(results)}\n(--only: wrote bench/results.partial.json)`);
}
if (failures.length > 0) {
  console.error(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
  process.exitCode = 1;
}
