// One measurement in its own process: `node <flags> bench/child.mjs <section file> <variant> <json>`.
// Imports the section, runs its measure(variant, options) and prints the figures on one line
// prefixed with RESULT_PREFIX for bench/run.mjs.
import { pathToFileURL } from 'node:url';

export const RESULT_PREFIX = '@@bench-result ';

const [file, variant, json] = process.argv.slice(2);
const { default: section } = await import(pathToFileURL(file).href);
const options = JSON.parse(json);
const figures = await section.measure(variant, options);
process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(figures)}\n`);
// Sections may leave sockets or timers behind; the measurement is done.
process.exit(0);
