// Framework typings and editor data, generated from custom-elements.json (the elements' JSDoc):
//   frameworks/vue.d.ts                     Vue's GlobalComponents: typed props and events
//   frameworks/jsx-react.d.ts               React's JSX.IntrinsicElements for the bare tags
//   frameworks/jsx-preact.d.ts              Preact's JSX.IntrinsicElements, likewise
//   frameworks/jsx-solid.d.ts               Solid's JSX.IntrinsicElements, likewise
//   frameworks/vscode.html-custom-data.json VS Code's HTML custom data
//   frameworks/web-types.json               JetBrains' web-types
// `pnpm run frameworks` rewrites them (after `pnpm run manifest`); test/framework-types.test.mjs
// fails when they are stale. Committed, so a change of an element shows up in review.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('.', import.meta.url));
const HEADER = '// Generated from custom-elements.json by framework-types.mjs: do not edit.\n';
/** Type names the typings import from the package (whatever the manifest's types mention). */
const BUILT_IN = new Set(['Partial', 'Record', 'Readonly', 'HTMLElement']);

/** The elements of the manifest: tag, class, attributes, property-only members, events. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((d) => d.kind === 'class' && d.tagName)
      .map((d) => ({
        tag: d.tagName,
        className: d.name,
        description: d.summary ?? d.description ?? '',
        attributes: (d.attributes ?? []).map((a) => ({
          name: a.name,
          field: a.fieldName,
          type: a.type?.text ?? 'string',
          description: a.description ?? memberOf(d, a.fieldName)?.description ?? '',
        })),
        properties: (d.members ?? []).filter(
          (m) => m.kind === 'field' && !m.static && !m.readonly && !m.attribute && m.type,
        ),
        events: (d.events ?? []).map((e) => ({
          name: e.name,
          type: e.type?.text ?? 'Event',
          description: e.description ?? '',
          prop: `on${e.name.replace(/(^|-)(\w)/g, (_, _dash, c) => c.toUpperCase())}`,
        })),
      })),
  );
}

const memberOf = (declaration, name) => declaration.members?.find((m) => m.name === name);
const doc = (text) =>
  text ? `  /** ${text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/')} */\n` : '';

/** `import type { … }` of every capitalised name the elements' types use. */
function typeImports(elements) {
  const texts = elements.flatMap((e) => [
    ...e.attributes.map((a) => a.type),
    ...e.properties.map((p) => p.type.text),
    ...e.events.map((ev) => ev.type),
    e.className,
  ]);
  const names = new Set(texts.flatMap((t) => t.match(/\b[A-Z]\w*/g) ?? []));
  const imported = [...names].filter((n) => !BUILT_IN.has(n)).sort();
  return `import type { ${imported.join(', ')} } from '../dist/types/index.js';\n`;
}

function vue(elements) {
  let out = `${HEADER}// Vue 3: \`<wpay-button>\` and \`<wpay-return>\` typed in templates (vue-tsc, Volar). Set
// \`compilerOptions.isCustomElement\` for \`wpay-\` tags; bind objects with \`.prop\`.
import type { DefineComponent } from 'vue';
${typeImports(elements)}`;
  for (const e of elements) {
    out += `\n/** \`<${e.tag}>\`'s props and events in a Vue template. */\nexport interface ${e.className}VueProps {\n`;
    for (const a of e.attributes) out += `${doc(a.description)}  ${a.field}?: ${a.type};\n`;
    for (const p of e.properties) out += `${doc(p.description)}  ${p.name}?: ${p.type.text};\n`;
    for (const ev of e.events)
      out += `${doc(ev.description)}  ${ev.prop}?: (event: ${ev.type}) => void;\n`;
    out += '}\n';
  }
  out += "\ndeclare module 'vue' {\n  interface GlobalComponents {\n";
  for (const e of elements) out += `    '${e.tag}': DefineComponent<${e.className}VueProps>;\n`;
  return `${out}  }\n}\n`;
}

/**
 * A JSX augmentation for one framework: each element's props interface (attributes by their
 * names, properties, one listener per event) and the tags in `module`'s `JSX.IntrinsicElements`.
 */
function jsxAugmentation(elements, { comment, imports, framework, module, base, listener }) {
  let out = `${HEADER}${comment}\n${imports}\n${typeImports(elements)}`;
  for (const e of elements) {
    out += `\n/** \`<${e.tag}>\`'s attributes, properties and events in ${framework}'s JSX. */\nexport interface ${e.className}${framework}Props${base(e.className)} {\n`;
    for (const a of e.attributes) out += `${doc(a.description)}  '${a.name}'?: ${a.type};\n`;
    for (const p of e.properties) out += `${doc(p.description)}  ${p.name}?: ${p.type.text};\n`;
    for (const ev of e.events)
      out += `${doc(ev.description)}  '${listener}${ev.name}'?: (event: ${ev.type}) => void;\n`;
    out += '}\n';
  }
  out += `\ndeclare module '${module}' {\n  namespace JSX {\n    interface IntrinsicElements {\n`;
  for (const e of elements) out += `      '${e.tag}': ${e.className}${framework}Props;\n`;
  return `${out}    }\n  }\n}\n`;
}

const jsxReact = (elements) =>
  jsxAugmentation(elements, {
    comment: `// React 19: the bare tags in JSX (\`onwpay-*\` listeners, objects set as properties on the
// client). With server rendering use \`@wpay/widget/react\` instead. Enable with
// \`import type {} from '@wpay/widget/jsx/react'\` once, or \`"types": ["@wpay/widget/jsx/react"]\`.`,
    imports: "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    framework: 'React',
    module: 'react',
    base: (cls) => `\n  extends DetailedHTMLProps<HTMLAttributes<${cls}>, ${cls}>`,
    listener: 'on',
  });

const jsxPreact = (elements) =>
  jsxAugmentation(elements, {
    comment: `// Preact: the bare tags in JSX (\`onwpay-*\` listeners; Preact sets \`payload\`, \`strings\` and
// \`navigate\` as properties). Enable with \`import type {} from '@wpay/widget/jsx/preact'\` once, or
// \`"types": ["@wpay/widget/jsx/preact"]\`.`,
    imports: "import type { HTMLAttributes } from 'preact';",
    framework: 'Preact',
    module: 'preact',
    base: (cls) => ` extends HTMLAttributes<${cls}>`,
    listener: 'on',
  });

const jsxSolid = (elements) =>
  jsxAugmentation(elements, {
    comment: `// Solid: the bare tags in JSX. Solid sets a custom element's props as properties (\`full-width\`
// as \`fullWidth\`), so objects need no \`prop:\`; listen with \`on:wpay-*\`. Enable with
// \`import type {} from '@wpay/widget/jsx/solid'\` once, or \`"types": ["@wpay/widget/jsx/solid"]\`.`,
    imports: "import type { JSX } from 'solid-js';",
    framework: 'Solid',
    module: 'solid-js',
    base: (cls) => ` extends JSX.HTMLAttributes<${cls}>`,
    listener: 'on:',
  });

/** The values of a string-literal union, or undefined. */
const valuesOf = (type) => {
  const parts = type.split('|').map((p) => p.trim());
  return parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : undefined;
};

function vscode(elements) {
  const tags = elements.map((e) => ({
    name: e.tag,
    description: e.description,
    attributes: e.attributes.map((a) => {
      const values = valuesOf(a.type);
      return {
        name: a.name,
        description: a.description,
        ...(values ? { values: values.map((name) => ({ name })) } : {}),
        ...(a.type === 'boolean' ? { valueSet: 'v' } : {}),
      };
    }),
  }));
  return `${JSON.stringify({ $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json', version: 1.1, tags }, null, 2)}\n`;
}

function webTypes(elements, { name, version }) {
  const elementsJson = elements.map((e) => ({
    name: e.tag,
    description: e.description,
    attributes: e.attributes.map((a) => {
      const values = valuesOf(a.type);
      return {
        name: a.name,
        description: a.description,
        value: values
          ? { type: values.map((v) => `'${v}'`).join(' | '), kind: 'plain' }
          : a.type === 'boolean'
            ? { type: 'boolean', kind: 'no-value' }
            : { type: a.type, kind: 'plain' },
      };
    }),
    js: {
      properties: e.properties.map((p) => ({
        name: p.name,
        description: p.description ?? '',
        type: p.type.text,
      })),
      events: e.events.map((ev) => ({ name: ev.name, description: ev.description, type: ev.type })),
    },
  }));
  const data = {
    $schema: 'https://json.schemastore.org/web-types',
    name,
    version,
    'description-markup': 'markdown',
    contributions: { html: { elements: elementsJson } },
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Every generated file, by path under the package, from a manifest and the package.json. */
export function frameworkFiles(manifest, pkg) {
  const elements = elementsOf(manifest);
  return new Map([
    ['frameworks/vue.d.ts', vue(elements)],
    ['frameworks/jsx-react.d.ts', jsxReact(elements)],
    ['frameworks/jsx-preact.d.ts', jsxPreact(elements)],
    ['frameworks/jsx-solid.d.ts', jsxSolid(elements)],
    ['frameworks/vscode.html-custom-data.json', vscode(elements)],
    ['frameworks/web-types.json', webTypes(elements, pkg)],
  ]);
}

/** The files as `pnpm run frameworks` writes them, from the current custom-elements.json. */
export function currentFrameworkFiles() {
  const read = (file) => JSON.parse(readFileSync(new URL(file, `file://${PACKAGE_DIR}`), 'utf8'));
  return frameworkFiles(read('custom-elements.json'), read('package.json'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, text] of currentFrameworkFiles()) writeFileSync(`${PACKAGE_DIR}${path}`, text);
}
