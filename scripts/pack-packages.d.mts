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
/** One tarball of the current build, packed once (`packTarballs`). */
export interface PackedTarball {
  folder: string;
  name: string;
  /** Absolute path, inside the shared cache: never write to it. */
  tarball: string;
  files: string[];
}
/** The tarballs of the current build, packed once per build into .cache/packed/<key>/. */
export function packTarballs(): Promise<{
  dir: string;
  cached: boolean;
  tarballs: Map<string, PackedTarball>;
}>;
/** Copies every published package's tarball into a fresh temporary directory, unpacked into its node_modules/. */
export function packPublished(): Promise<{ dir: string; packs: Map<string, PackedPackage> }>;
export function exportTargets(value: unknown): string[];
export function exportConditions(value: unknown): string[];
export function withoutSourceCondition(value: unknown): unknown;
