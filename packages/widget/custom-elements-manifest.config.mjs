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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  plugins: [publicSurface()],
};
