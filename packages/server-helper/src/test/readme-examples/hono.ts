import { Hono } from 'hono';
import { checkout, status, webhook } from './wpay.js';

export const app = new Hono();
app.post('/api/checkout', (c) => checkout(c.req.raw));
app.post('/api/webhooks/wpay', (c) => webhook(c.req.raw)); // c.req.raw: the untouched Request
app.get('/api/status', (c) => status(c.req.raw));
