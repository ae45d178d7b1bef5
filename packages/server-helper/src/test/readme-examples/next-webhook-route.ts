// app/api/webhooks/wpay/route.ts
import { webhook } from './wpay.js';

export const POST = webhook;
