// app/api/checkout/route.ts (Next.js App Router). Route handlers take a Request: no adapter.
import { checkout } from './wpay.js';

export const POST = checkout;
