/** @module The error of a `--data` file that cannot be read as sandbox state. */

/**
 * A `--data` file that is not sandbox state: unreadable, not JSON, another program's file, a
 * newer format, or a merchant this sandbox is not configured with. The sandbox refuses to start
 * rather than start empty and overwrite it. `file` names it, `fix` says what to do.
 *
 * @example
 * ```ts
 * try { await startSandbox({ data: 'state.json' }); }
 * catch (error) { if (error instanceof SandboxDataError) console.error(error.file, error.fix); }
 * ```
 */
export class SandboxDataError extends Error {
  override readonly name = 'SandboxDataError';
  readonly code = 'SANDBOX_DATA_INVALID';
  /** The data file. */
  readonly file: string;
  /** What to do about it. */
  readonly fix: string;

  constructor(file: string, problem: string, fix: string) {
    super(`${file}: ${problem}. ${fix}`);
    this.file = file;
    this.fix = fix;
  }
}
