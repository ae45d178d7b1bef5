// @custom-elements-manifest/analyzer settings: `pnpm run manifest` writes custom-elements.json
// from the elements' JSDoc (@tagname, @fires, @slot, @csspart, @cssprop) and static properties.

/** Internal reactive state: declared in `static properties` with `state: true`, never attributes. */
const INTERNAL_STATE = new Set(['phase', 'errorMessage', 'hasLabel', 'slow']);

/** Keeps the manifest to the public surface: drops internal state and guessed event names. */
function publicSurface() {
  return {
    name: 'wpay-public-surface',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          declaration.attributes = declaration.attributes?.filter(
            (a) => !INTERNAL_STATE.has(a.fieldName),
          );
          declaration.members = declaration.members?.filter((m) => !INTERNAL_STATE.has(m.name));
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
