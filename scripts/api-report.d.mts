/** The packages whose surface is reported (absolute directories). */
export const PACKAGES: string[];
/** The source entry of each subpath of a package's `exports`. */
export function entryPoints(packageDir: string): {
  name: string;
  entries: { subpath: string; file: string }[];
};
/** The report of one package, made from its code. */
export function reportFor(packageDir: string): string;
/** Where a package's report is checked in. */
export function reportPath(packageDir: string): string;
/** The checked-in report, or '' when there is none. */
export function readReport(packageDir: string): string;
