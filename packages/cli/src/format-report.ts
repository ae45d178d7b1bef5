/** @module A doctor report as text for a terminal, or as JSON for CI. */
import type { DoctorReport } from './run-doctor.js';

const LABELS = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

/**
 * The report as lines of text: one per check, the fix under each failure, a closing count.
 *
 * @example
 * ```ts
 * process.stdout.write(formatReport(report));
 * ```
 */
export function formatReport(report: DoctorReport): string {
  const width = Math.max(...report.results.map((result) => result.name.length));
  const lines = [`wpay doctor: ${report.shop ?? 'no shop'} against ${report.wpay}`, ''];
  for (const result of report.results) {
    lines.push(`  ${LABELS[result.status]}  ${result.name.padEnd(width)}  ${result.summary}`);
    if (result.fix !== undefined) lines.push(`        ${' '.repeat(width)}  fix: ${result.fix}`);
  }
  const count = (status: keyof typeof LABELS) =>
    report.results.filter((result) => result.status === status).length;
  lines.push(
    '',
    report.ok
      ? `All ${count('pass')} checks pass${count('skip') ? ` (${count('skip')} skipped)` : ''}.`
      : `${count('fail')} of ${report.results.length} checks fail (${count('pass')} pass, ${count('skip')} skipped).`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The report as one JSON document (`--json`): `{ ok, shop, wpay, results: [{ name, status,
 * summary, fix? }] }`.
 *
 * @example
 * ```ts
 * JSON.parse(formatReportJson(report)).ok; // true or false
 * ```
 */
export function formatReportJson(report: DoctorReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
