import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLI_FLAGS, parseCliArgs, USAGE } from './cli/cli-args.js';
import { CREDENTIAL_TABLE, OPTION_TABLE } from './option-table.js';
import { optionIssues, resolveOptions, SANDBOX_OPTION_NAMES } from './options.js';

const ROWS = [
  ...Object.entries(OPTION_TABLE).map(([name, spec]) => ({ path: name, spec })),
  ...Object.entries(CREDENTIAL_TABLE).map(([name, spec]) => ({
    path: `credentials.${name}`,
    spec,
  })),
];

const at = (options: object, path: string): unknown =>
  path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown>)?.[key], options);

const optionWith = (path: string, value: unknown): Record<string, unknown> => {
  const [head = '', inner] = path.split('.');
  return inner === undefined ? { [head]: value } : { [head]: { [inner]: value } };
};

describe('when an option is a row of the option table', () => {
  it('is an option of the schema', () => {
    for (const name of Object.keys(OPTION_TABLE)) assert.ok(SANDBOX_OPTION_NAMES.includes(name));
    assert.ok(SANDBOX_OPTION_NAMES.includes('credentials'));
  });

  it('gets its default filled in by resolveOptions', () => {
    const resolved = resolveOptions({});
    for (const { path, spec } of ROWS) assert.deepEqual(at(resolved, path), spec.default, path);
  });

  it('is refused with a value of the wrong type, naming it', () => {
    for (const { path, spec } of ROWS) {
      const wrong = typeof spec.default === 'number' ? 'seven' : 7;
      const issues = optionIssues(optionWith(path, wrong));
      assert.ok(
        issues.some((issue) => issue.option === path),
        `${path}: ${JSON.stringify(issues)}`,
      );
    }
  });

  it('has its CLI flag, with its line of --help and its default shown there', () => {
    for (const { path, spec } of ROWS) {
      if (!spec.flag) continue;
      const flag = CLI_FLAGS.find((f) => f.option === path);
      assert.equal(flag?.flag, spec.flag.name, path);
      assert.ok(USAGE.includes(`--${spec.flag.name} <${spec.flag.arg}>`), path);
      const shown = spec.flag.cliDefault ?? spec.default;
      if (shown !== undefined) assert.ok(flag?.help.includes(`default ${String(shown)}`), path);
    }
  });

  it('starts the CLI from the CLI defaults (the CLI port)', () => {
    const request = parseCliArgs([]);
    assert.ok(!request.help);
    assert.equal(request.options.port, OPTION_TABLE.port.flag?.cliDefault);
  });
});
