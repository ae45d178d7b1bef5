// app/api/status/route.ts
import { status } from './wpay.js';

export const GET = status;
export const dynamic = 'force-dynamic'; // never cache payment status
