/** One packed package: its tarball, where it is unpacked, its file list and manifests. */
export interface PackedPackage {
  folder: string;
  tarball: string;
  unpacked: string;
  files: string[];
  manifest: Record<string, unknown> & {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    bin?: Record<string, string>;
  };
  workspaceManifest: Record<string, unknown>;
}
/** The repository root. */
export const ROOT: string;
/** The published packages, by folder under packages/. */
export const PUBLISHED: string[];
/** The workspace-only export condition. */
export const SOURCE_CONDITION: string;
/** Packs every published package into a fresh temporary directory, unpacked into its node_modules/. */
export function packPublished(): Promise<{ dir: string; packs: Map<string, PackedPackage> }>;
export function exportTargets(value: unknown): string[];
export function exportConditions(value: unknown): string[];
export function withoutSourceCondition(value: unknown): unknown;
