import { toNodeHandler } from '@wpay/server-helper/node';
import express from 'express';
import { checkout, status, webhook } from './wpay.js';

export const app: express.Express = express();
// The webhook needs the raw body: mount it BEFORE express.json() (or give the route express.raw()).
app.post('/api/webhooks/wpay', toNodeHandler(webhook));
app.post('/api/checkout', toNodeHandler(checkout));
app.get('/api/status', toNodeHandler(status));
app.use(express.json()); // the rest of your API
