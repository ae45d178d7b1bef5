// server.ts — Node's own http module: the fetch app above, adapted once.
import { createServer } from 'node:http';
import { toNodeHandler } from '@wpay/server-helper/node';
import { app } from './fetch-app.js';

export const server = createServer(toNodeHandler(app.fetch));
// server.listen(3000);
