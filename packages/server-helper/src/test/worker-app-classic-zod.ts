// The same Worker as worker-app.ts, its body schema written with zod classic (`import * as z from
// 'zod'`): the bundle then also holds zod classic, which the app chose. Reported by `pnpm bench`.
import * as z from 'zod';
import { worker } from './worker-routes.js';

export default worker(z.object({ sku: z.string().min(1) }));
