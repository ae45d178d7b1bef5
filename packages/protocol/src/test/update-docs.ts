// `pnpm --filter @wpay/protocol docs:update`: rewrites the generated tables of
// docs/protocol-defaults.md from this package.
import { writeFileSync } from 'node:fs';
import { DOC_PATH, readDoc, renderDoc } from './protocol-tables.js';

writeFileSync(DOC_PATH, renderDoc(readDoc()));
console.log(`updated ${DOC_PATH}`);
