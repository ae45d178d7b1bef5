/** @module Reads a `--data` file through its schema, and writes one whole (temp file, then rename). */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { DATA_FORMAT, DATA_VERSION, type SandboxData, SandboxDataSchema } from './sandbox-data.js';
import { SandboxDataError } from './sandbox-data-error.js';

const FIX =
  'Point --data (the data option) at another file, or delete this one to start with an empty sandbox';

/**
 * The state in a data file, `undefined` when there is no such file (or it is empty: a new one);
 * throws a {@link SandboxDataError} naming the file and the fix for anything else.
 *
 * @example
 * ```ts
 * const data = await readDataFile('/tmp/sandbox.json'); // undefined on the first start
 * ```
 */
export async function readDataFile(file: string): Promise<SandboxData | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new SandboxDataError(file, `cannot be read (${reason})`, FIX);
  }
  if (text.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SandboxDataError(file, 'is not JSON (a torn or foreign file)', FIX);
  }
  const tag = (json as { format?: unknown } | null)?.format;
  if (tag !== DATA_FORMAT) {
    throw new SandboxDataError(
      file,
      `is not a sandbox data file (no "format": "${DATA_FORMAT}")`,
      FIX,
    );
  }
  const version = (json as { version?: unknown }).version;
  if (version !== DATA_VERSION) {
    throw new SandboxDataError(
      file,
      `has format version ${JSON.stringify(version)}, this sandbox reads version ${DATA_VERSION}`,
      `Use the @wpay/sandbox version that wrote it, or ${FIX.charAt(0).toLowerCase()}${FIX.slice(1)}`,
    );
  }
  const parsed = SandboxDataSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
    throw new SandboxDataError(file, `holds invalid sandbox state (${where})`, FIX);
  }
  return parsed.data;
}

/**
 * Writes the state whole: to a temporary file beside it, then renamed over it, so that a reader
 * (or a restart after a crash) never sees half a file.
 *
 * @example
 * ```ts
 * await writeDataFile('/tmp/sandbox.json', captured);
 * ```
 */
export async function writeDataFile(file: string, data: SandboxData): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(data));
  await rename(temporary, file);
}
