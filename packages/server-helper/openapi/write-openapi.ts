// `pnpm --filter @wpay/server-helper openapi:update`: writes the OpenAPI document of the WPay API
// (build-openapi.ts) to packages/protocol/openapi.json, where the sandbox serves it from.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from './build-openapi.js';

/** Where the document is checked in: the protocol package, shipped as `@wpay/protocol/openapi.json`. */
export const OPENAPI_FILE = fileURLToPath(new URL('../../protocol/openapi.json', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OPENAPI_FILE, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}
