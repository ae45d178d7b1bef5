// A minimal Cloudflare Worker with the helper, its body schema written with `zod/mini` (the zod
// the helper itself uses, so the bundle has one zod). Bundled by worker-bundle.ts for the size
// budget and `pnpm bench`.
import * as z from 'zod/mini';
import { worker } from './worker-routes.js';

export default worker(z.object({ sku: z.string().check(z.minLength(1)) }));
