import { toFastifyHandler } from '@wpay/server-helper/node';
import Fastify from 'fastify';
import fastifyRawBody from 'fastify-raw-body';
import { checkout, status, webhook } from './wpay.js';

export const app = Fastify();
// Keeps the bytes WPay signed beside Fastify's parsed body, on the routes that ask for them.
await app.register(fastifyRawBody, { global: false, runFirst: true });
app.post('/api/checkout', toFastifyHandler(checkout));
app.post('/api/webhooks/wpay', { config: { rawBody: true } }, toFastifyHandler(webhook));
app.get('/api/status', toFastifyHandler(status));
