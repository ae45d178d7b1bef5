// @custom-elements-manifest/analyzer settings: `pnpm run manifest` writes custom-elements.json
// from the elements' JSDoc (@tagname, @fires, @slot, @csspart, @cssprop) and static properties.

/** Internal members: `#private` ones, and `_`-prefixed protected members and reactive state. */
const isInternal = (name) => name?.startsWith('_') || name?.startsWith('#');

/** Lit's static plumbing, not part of an element's API. */
const LIT_STATICS = new Set(['properties', 'styles', 'shadowRootOptions']);

/** Keeps the manifest to the public surface: drops internal members and guessed event names. */
function publicSurface() {
  return {
    name: 'wpay-public-surface',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          declaration.attributes = declaration.attributes?.filter((a) => !isInternal(a.fieldName));
          declaration.members = declaration.members?.filter(
            (m) =>
              !isInternal(m.name) &&
              m.privacy !== 'private' &&
              !(m.static && LIT_STATICS.has(m.name)),
          );
          declaration.events = declaration.events?.filter((e) => e.name?.startsWith('wpay-'));
        }
      }
    },
  };
}

/**
 * Writes string-literal unions where the elements name them (`variant`'s `WpayButtonVariant`
 * becomes `'primary' | 'secondary' | 'outline'`): editors and framework-types.mjs read the values.
 */
function literalUnions() {
  const unions = new Map();
  const expand = (type) => (type && unions.has(type.text) ? { text: unions.get(type.text) } : type);
  return {
    name: 'wpay-literal-unions',
    analyzePhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      const members = node.type.types;
      if (!members.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) return;
      unions.set(node.name.text, members.map((t) => `'${t.literal.text}'`).join(' | '));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
            if (item.type) item.type = expand(item.type);
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  plugins: [publicSurface(), literalUnions()],
};
