import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CLI_FLAGS } from './cli/cli-args.js';
import { CONTROL_ROUTES } from './control/control-routes.js';
import { PROTOCOL_DEFAULT_KEYS } from './defaults.js';
import { FAULT_KINDS, FaultRuleSchema } from './faults/fault-rule.js';
import { startSandbox } from './index.js';
import { CREDENTIAL_TABLE, OPTION_TABLE } from './option-table.js';
import { SANDBOX_OPTION_NAMES } from './options.js';
import { DASHBOARD_ACTION_NAMES } from './pages/dashboard-routes.js';
import { SCENARIO_NAMES } from './scenarios/run-scenario.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The text of one `## ` section of the README. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}`);
  assert.ok(start >= 0, `README has no section ${title}`);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

describe('when reading the README', () => {
  it('documents every option, each with its CLI flags, in Options', () => {
    const rows = section('Options').split('\n');
    for (const name of SANDBOX_OPTION_NAMES) {
      const row = rows.find((r) => r.startsWith(`| \`${name}\` |`));
      assert.ok(row, `no row for the option ${name}`);
      for (const spec of CLI_FLAGS.filter((f) => f.option.split('.')[0] === name)) {
        assert.ok(row.includes(`\`--${spec.flag}\``), `${name}: --${spec.flag}`);
      }
    }
  });

  it('shows the default of every option of the option table in its row', () => {
    const rows = section('Options').split('\n');
    const tables = [...Object.entries(OPTION_TABLE), ...Object.entries(CREDENTIAL_TABLE)];
    for (const [name, spec] of tables) {
      if (spec.default === undefined) continue;
      const option = name in CREDENTIAL_TABLE ? 'credentials' : name;
      const row = rows.find((r) => r.startsWith(`| \`${option}\` |`));
      assert.ok(row?.includes(String(spec.default)), `${name}: ${String(spec.default)}`);
    }
  });

  it('lists every protocol default that the defaults option overrides', () => {
    const row = section('Options')
      .split('\n')
      .find((r) => r.startsWith('| `defaults` |'));
    for (const key of PROTOCOL_DEFAULT_KEYS) assert.ok(row?.includes(`\`${key}\``), key);
  });

  it('lists every CLI flag in CLI', () => {
    const cli = section('CLI');
    const more = ['fault', 'default', 'merchant', 'merchants-file', 'fixture', 'scenario'];
    more.push('verbose', 'help');
    for (const flag of [...CLI_FLAGS.map((f) => f.flag), ...more]) {
      assert.match(cli, new RegExp(`--${flag}\\b`), `--${flag}`);
    }
  });

  it('documents every scenario in Scenarios', () => {
    const scenarios = section('Scenarios');
    for (const name of SCENARIO_NAMES) assert.ok(scenarios.includes(`| \`${name}\` |`), name);
  });

  it('documents every control route in Control API', () => {
    const control = section('Control API');
    for (const route of CONTROL_ROUTES) {
      assert.ok(control.includes(`| \`${route}\` |`), route);
    }
  });

  it('documents every dashboard action in Dashboard', () => {
    const dashboard = section('Dashboard');
    for (const action of DASHBOARD_ACTION_NAMES) {
      assert.ok(dashboard.includes(`\`POST /__dashboard/${action}\``), action);
    }
  });

  it('documents every fault kind and every key of a rule in Faults', () => {
    const faults = section('Faults');
    for (const kind of FAULT_KINDS) assert.ok(faults.includes(`| \`${kind}\` |`), kind);
    for (const key of Object.keys(FaultRuleSchema.shape)) {
      assert.ok(faults.includes(`\`${key}\``), key);
    }
  });

  it('documents every member of the running sandbox in JS API', async () => {
    const sb = await startSandbox();
    await sb.close();
    const api = section('JS API');
    const members = Object.keys(sb).flatMap((key) => {
      const value = (sb as unknown as Record<string, unknown>)[key];
      const nested = key === 'clock' || key === 'faults' || key === 'state';
      return nested ? Object.keys(value as object).map((inner) => `${inner}`) : [key];
    });
    for (const member of members) assert.match(api, new RegExp(`\\b${member}\\b`), member);
  });
});
