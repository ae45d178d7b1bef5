// app/api/wpay/webhook/route.ts
import { webhook } from './wpay.js';

export const POST = webhook;
