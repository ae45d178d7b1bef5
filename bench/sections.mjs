// The bench sections of a checkout and the id of each, known without importing them: `--only`
// imports only the sections it names, so a section whose dependency is missing (a package not
// installed in this worktree) breaks no other. The id stays where it was, in the section's own
// `id: '…'` line, read from its text here and checked against the module once it is imported.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const ID_LINE = /^\s*id: '([a-z0-9][a-z0-9-]*)',?\s*$/gm;

/**
 * Section files under `root`, in run order: bench/sections/*, packages/<pkg>/bench/*.section.*,
 * demo/bench/*.section.*, each with its id: `[{ id, file }]`, or `{ id: null, file, error }` for
 * a file whose id cannot be read (a failure of that section alone).
 */
export function discoverSections(root) {
  const found = [];
  const scan = (dir, test) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) if (test(name)) found.push(join(dir, name));
  };
  const isSection = (name) => /\.section\.(mjs|ts)$/.test(name);
  scan(join(root, 'bench/sections'), (name) => /\.(mjs|ts)$/.test(name));
  const packages = join(root, 'packages');
  if (existsSync(packages)) {
    for (const pkg of readdirSync(packages).sort()) scan(join(packages, pkg, 'bench'), isSection);
  }
  scan(join(root, 'demo/bench'), isSection);
  return found.map((file) => {
    try {
      return { id: sectionIdOf(file, root), file };
    } catch (error) {
      return { id: null, file, error: error.message };
    }
  });
}

/** The id a section file declares on its one `id: '…'` line; throws naming the file otherwise. */
export function sectionIdOf(file, root = process.cwd()) {
  const ids = [...readFileSync(file, 'utf8').matchAll(ID_LINE)].map((match) => match[1]);
  if (ids.length !== 1) {
    throw new Error(
      `${relative(root, file)}: ${ids.length === 0 ? 'no' : `${ids.length}`} \`id: '…'\` lines; a section declares its id once, as a string literal on a line of its own (\`id: 'my-section',\`), so that --only can find it without importing the module`,
    );
  }
  return ids[0];
}

/**
 * The sections `only` names (all when `only` is null), in run order; throws naming the ids that
 * no section has, with the ones that exist.
 */
export function selectSections(sections, only) {
  if (!only) return sections;
  const known = new Set(sections.flatMap((section) => (section.id ? [section.id] : [])));
  const unknown = [...only].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(
      `--only: no section ${unknown.join(', ')} (the sections: ${[...known].join(', ')})`,
    );
  }
  return sections.filter((section) => only.has(section.id));
}

/** Imports a section; throws naming the file when the import fails or its id is not `id`. */
export async function importSection({ id, file }, root = process.cwd()) {
  let section;
  try {
    ({ default: section } = await import(pathToFileURL(file).href));
  } catch (error) {
    throw new Error(`${relative(root, file)} could not be imported: ${error.message}`, {
      cause: error,
    });
  }
  if (section?.id !== id) {
    throw new Error(
      `${relative(root, file)}: its default export's id is ${JSON.stringify(section?.id)}, its \`id: '${id}'\` line says ${id}: export the section object that line belongs to`,
    );
  }
  return section;
}
