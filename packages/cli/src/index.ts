/**
 * @module The public surface of `@wpay/cli`: the doctor as a library (what `wpay doctor` runs),
 * for a shop's own test suite. The command itself is the `wpay` bin.
 */
export { CHECKS, type CheckName } from './check-names.js';
export type { CheckResult, CheckStatus } from './checklist.js';
export type { WPayTarget } from './checks/wpay-checks.js';
export { DOCTOR_DEFAULTS, type DoctorRoutes } from './doctor-defaults.js';
export { formatReport, formatReportJson } from './format-report.js';
export { type DoctorOptions, type DoctorReport, runDoctor } from './run-doctor.js';
