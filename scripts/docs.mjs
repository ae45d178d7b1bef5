// `pnpm docs`: one static site in site/ — the guides (the READMEs, docs/*.md, CONTRIBUTING,
// SECURITY), the API reference of @wpay/server-helper and @wpay/sandbox (TypeDoc, from the
// source entry of each subpath of their exports), and the widget's custom elements (a page made
// from packages/widget/custom-elements.json). scripts/docs.test.mjs builds it and checks every
// internal link and anchor (scripts/docs-links.mjs).
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, OptionDefaults, ReflectionKind } from 'typedoc';
import { entryPoints } from './api-report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The repository's web address, from the root package.json (`git+https://….git`). */
const REPOSITORY = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'))
  .repository.url.replace(/^git\+/, '')
  .replace(/\.git$/, '');

/** The packages whose API is documented, by folder under packages/. */
export const DOCUMENTED = ['server-helper', 'sandbox'];

/**
 * The guides: docs/*.md, CONTRIBUTING, SECURITY, every README (the root one is the site's front
 * page). Listed as files, not globs: TypeDoc 0.28 fails on a glob beside a generated file.
 */
function guides() {
  const inFolder = (folder, test) =>
    readdirSync(join(ROOT, folder))
      .filter(test)
      .map((name) => join(ROOT, folder, name));
  const readmes = readdirSync(join(ROOT, 'packages'))
    .map((folder) => join(ROOT, 'packages', folder, 'README.md'))
    .filter((file) => existsSync(file));
  return [
    ...inFolder('docs', (name) => name.endsWith('.md')),
    join(ROOT, 'CONTRIBUTING.md'),
    join(ROOT, 'SECURITY.md'),
    ...readmes,
    join(ROOT, 'demo', 'README.md'),
  ];
}

/**
 * Builds the site into `out` (default site/); resolves with TypeDoc's warning and error counts.
 * @param {{ out?: string }} [options]
 */
export async function buildDocs({ out = join(ROOT, 'site') } = {}) {
  // Inside the repository (git-ignored): TypeDoc 0.28 takes documents from one tree only, and
  // the page's relative links resolve from there.
  const scratch = join(ROOT, '.docs-cache');
  await mkdir(scratch, { recursive: true });
  try {
    const entries = DOCUMENTED.flatMap((folder) => {
      const { name, entries: subpaths } = entryPoints(join(ROOT, 'packages', folder));
      return subpaths.map(({ subpath, file }) => ({ file, id: `${name}${subpath.slice(1)}` }));
    });
    const elements = join(scratch, 'widget-elements.md');
    await writeFile(elements, await elementsPage());
    const app = await Application.bootstrapWithPlugins({
      name: 'WPay checkout kit',
      entryPoints: entries.map((entry) => entry.file),
      tsconfig: join(ROOT, 'tsconfig.docs.json'),
      readme: join(ROOT, 'README.md'),
      projectDocuments: [...guides(), elements],
      out,
      // The packages' own typecheck covers the types; TypeDoc only reads them.
      skipErrorChecking: true,
      excludePrivate: true,
      excludeInternal: true,
      githubPages: false,
      hideGenerator: true,
      // Source links from the repository named in package.json, not from the clone's git remote
      // (a CI clone's `origin` is a local path, and TypeDoc warns that it is not valid).
      disableGit: true,
      displayBasePath: ROOT,
      gitRevision: 'main',
      sourceLinkTemplate: `${REPOSITORY}/blob/{gitRevision}/{path}#L{line}`,
      // The widget README shows Vue templates.
      highlightLanguages: [...OptionDefaults.highlightLanguages, 'vue'],
    });
    const project = await app.convert();
    if (!project) throw new Error('TypeDoc could not convert the entry points');
    nameModulesAsImported(project, entries);
    linkFoldersToReadmes(project);
    await app.generateDocs(project, out);
    return { out, errors: app.logger.errorCount, warnings: app.logger.warningCount };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Each module is named as a shop imports it (`@wpay/server-helper/node`), from its entry file. */
function nameModulesAsImported(project, entries) {
  for (const module of project.getReflectionsByKind(ReflectionKind.Module)) {
    const file = module.sources?.[0]?.fullFileName;
    const entry = entries.find((candidate) => candidate.file === file);
    if (entry) module.name = entry.id;
  }
}

/** A link to a package folder (`packages/widget`, as GitHub shows it) opens its README's page. */
function linkFoldersToReadmes(project) {
  for (const document of project.getReflectionsByKind(ReflectionKind.Document)) {
    const path = project.files.getReflectionPath(document);
    if (path?.endsWith('/README.md')) project.files.registerReflectionPath(dirname(path), document);
  }
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');

/** The custom elements of @wpay/widget as one page, from its custom-elements manifest. */
async function elementsPage() {
  const manifest = JSON.parse(
    await readFile(join(ROOT, 'packages', 'widget', 'custom-elements.json'), 'utf8'),
  );
  const lines = [
    '---',
    'title: "@wpay/widget: custom elements"',
    '---',
    '',
    '# @wpay/widget: custom elements',
    '',
    'Made from `packages/widget/custom-elements.json` (the custom-elements manifest the build',
    "generates from the elements' JSDoc). The guide: [the widget's README](../packages/widget/README.md).",
  ];
  const table = (title, head, rows) => {
    if (rows.length === 0) return;
    lines.push(
      '',
      `### ${title}`,
      '',
      `| ${head.join(' | ')} |`,
      `|${head.map(() => '---').join('|')}|`,
    );
    for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  };
  for (const module of manifest.modules ?? []) {
    for (const element of (module.declarations ?? []).filter((d) => d.customElement)) {
      lines.push(
        '',
        `## \`<${element.tagName}>\``,
        '',
        cell(element.summary ?? element.description),
      );
      const code = (text) => (text ? `\`${text}\`` : '');
      table(
        'Attributes',
        ['attribute', 'property', 'type', 'default', 'description'],
        (element.attributes ?? []).map((a) => [
          code(a.name),
          code(a.fieldName),
          code(a.type?.text),
          code(a.default),
          a.description,
        ]),
      );
      table(
        'Properties',
        ['property', 'type', 'default', 'description'],
        (element.members ?? [])
          .filter((m) => m.kind === 'field' && !m.privacy && !m.static && !m.name.startsWith('_'))
          .map((m) => [code(m.name), code(m.type?.text), code(m.default), m.description]),
      );
      table(
        'Events',
        ['event', 'type', 'description'],
        (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), e.description]),
      );
      table(
        'Slots',
        ['slot', 'description'],
        (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', s.description]),
      );
      table(
        'CSS parts',
        ['part', 'description'],
        (element.cssParts ?? []).map((p) => [code(p.name), p.description]),
      );
      table(
        'CSS custom properties',
        ['property', 'default', 'description'],
        (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), p.description]),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { out, errors, warnings } = await buildDocs();
  console.log(`docs: ${out}/index.html (${errors} errors, ${warnings} warnings)`);
  if (errors > 0) process.exitCode = 1;
}
