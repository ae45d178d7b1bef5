// `pnpm bench`: runs every bench/*.bench.ts in turn. Each prints its own lines.
import { readdir } from 'node:fs/promises';

const dir = new URL('./', import.meta.url);
const files = (await readdir(dir)).filter((name) => name.endsWith('.bench.ts')).sort();
for (const file of files) {
  console.log(`\n# ${file}`);
  await import(new URL(file, dir).href);
}
